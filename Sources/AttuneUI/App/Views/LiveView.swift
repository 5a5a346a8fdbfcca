import AttuneModel
import AttuneScenario

/// Draws the live screen: a header with the scene, phase, clock, speed and
/// state; a line saying what the baby is like (``Temperament``); one panel
/// per dyad (faces, words, gauges, heart rate, strip charts, figures); the
/// narration; and the key bar.
enum LiveView {
    /// Narration rows for a terminal `height` rows high.
    static func narrationRows(height: Int) -> Int { height >= 32 ? 4 : 2 }

    static func render(_ session: LiveSession, state: AppState, on frame: inout Frame, pen: Pen) {
        let area = frame.bounds
        let narration = narrationRows(height: area.height) + (coachedDyad(session) == nil ? 0 : 1)
        let bands = area.rows([.fixed(1), .fixed(1), .fill(), .fixed(narration), .fixed(1)])
        header(session, in: bands[0], on: &frame, pen: pen)
        baby(session, in: bands[1], on: &frame, pen: pen)
        let count = session.timeline.dyadCount
        let columns = bands[2].columns(Array(repeating: .fill(), count: max(1, count)))
        for d in 0..<count {
            DyadPanel.render(
                session: session, dyad: d, selected: count > 1 && d == session.selectedDyad, in: columns[d], on: &frame, pen: pen)
        }
        let whatIf = session.timeline.now.decisions.latestAnswered(atOrBefore: session.timeline.cursor) != nil
        if let decision = session.timeline.openDecision, !session.timeline.isFinished {
            let point = session.scenario.decisions[decision]
            question(point, notice: session.currentNotice, in: bands[3], on: &frame, pen: pen)
            let hints = KeyMap.decisionBar(point, whatIf: whatIf)
            frame.render(KeyBar(hints: hints.map { pen.hint($0) }), in: bands[4])
            return
        }
        narrationLines(session, in: bands[3], on: &frame, pen: pen)
        let human = session.policy(dyad: session.selectedDyad) == .human
        let action = session.timeline.now.simulation.dyads[session.selectedDyad].caregiver.action
        let hints = KeyMap.liveBar(paused: session.isPaused, human: human, dyads: count, whatIf: whatIf, action: action)
        // In her place the six actions come first, padded one column
        // apart, and what does not fit is under `?`. Otherwise two columns
        // between hints, then one, then keys without their padding, when
        // that makes room for the settings key (at 80 columns with two
        // caregivers, or after a question).
        let throughSettings =
            Array(hints.prefix { $0.key != String(KeyMap.settingsKey) }) + hints.filter { $0.key == String(KeyMap.settingsKey) }
        let style = human ? (gap: 1, padded: true) : KeyBar.roomiest(throughSettings, width: bands[4].width) ?? (2, true)
        frame.render(KeyBar(hints: hints.map { pen.hint($0) }, gap: style.gap, padded: style.padded), in: bands[4])
    }

    /// What this run's baby is like, in words (every dyad meets the same
    /// baby): "The baby: 4 months old · even-tempered · trusting".
    static func baby(_ session: LiveSession, in area: Rect, on frame: inout Frame, pen: Pen) {
        guard !area.isEmpty else { return }
        let line = area.inset(left: 1, right: 1)
        let text = pen.glyphs.truncate(pen.text(Temperament.line(session.timeline.now.simulation.infant)), toWidth: line.width)
        let prefix = "The baby:"
        let end = frame.write(String(text.prefix(prefix.count)), column: line.column, row: line.row, style: Style(bold: true), clip: line)
        frame.write(String(text.dropFirst(prefix.count)), column: end, row: line.row, clip: line)
    }

    /// A decision point's question and its choices, in place of the
    /// narration: the question in bold, the choices with their keys on the
    /// last row (a notice, when there is room, in between).
    static func question(_ point: DecisionPoint, notice: Notice?, in area: Rect, on frame: inout Frame, pen: Pen) {
        guard !area.isEmpty else { return }
        let width = area.width - 2
        let choices = pen.text(DecisionText.choices(point))
        var rows: [(String, Style)] = []
        let questionRows = max(1, area.height - 1 - (notice == nil || area.height < 4 ? 0 : 1))
        for line in TextFormatting.wrap(pen.text(point.question), width: width).prefix(questionRows) {
            rows.append((line, Style(foreground: .accent, bold: true)))
        }
        if let notice, area.height >= 4 {
            rows.append((pen.glyphs.truncate(pen.text(notice.text), toWidth: width), Style(foreground: .muted)))
        }
        for (index, row) in rows.prefix(area.height - 1).enumerated() {
            frame.render(TextLine(row.0, style: row.1, glyphs: pen.glyphs), in: area.line(index).inset(left: 1, right: 1))
        }
        let last = area.line(area.height - 1).inset(left: 1, right: 1)
        if area.height == 1 {
            frame.render(TextLine(pen.text(point.question) + "  " + choices, style: Style(bold: true), glyphs: pen.glyphs), in: last)
        } else {
            frame.render(TextLine(choices, style: Style(bold: true), glyphs: pen.glyphs), in: last)
        }
    }

    /// What the coaching line says before it has anything to tell.
    static let coachWaiting = "when the baby looks away, this line tells what it needed and what you did (keys 1 to 6)."

    /// The dyad the coaching line speaks of: the selected one when the
    /// keyboard has her place, else the first the keyboard has; nil when
    /// it has none.
    static func coachedDyad(_ session: LiveSession) -> Int? {
        let dyads = session.timeline.now.simulation.dyads
        if dyads.indices.contains(session.selectedDyad), dyads[session.selectedDyad].caregiver.parameters.policy == .human {
            return session.selectedDyad
        }
        return dyads.firstIndex { $0.caregiver.parameters.policy == .human }
    }

    /// The coaching line while the keyboard has a caregiver's place (``coachedDyad(_:)``),
    /// on the live screen and in the presenter layout, with its style and
    /// whether the coach has said something yet (`said`; before that, the
    /// line says what it will tell); nil when it has none.
    static func coachLine(_ session: LiveSession) -> (text: String, style: Style, said: Bool)? {
        guard let d = coachedDyad(session) else { return nil }
        let timeline = session.timeline
        let label = timeline.dyadCount > 1 ? "\(session.scenario.plan.dyads[d].label): " : ""
        if let line = timeline.now.coach.line(dyad: d, at: timeline.cursor) {
            return ("Coach: " + label + line.text, Style(foreground: .calm, bold: true), true)
        }
        return ("Coach: \(label)\(coachWaiting)", Style(foreground: .muted), false)
    }

    /// The state of play in a word or two.
    static func status(_ session: LiveSession) -> String {
        if session.timeline.isFinished { return "ended" }
        if session.timeline.openDecision != nil { return "your choice" }
        if session.isPaused { return session.timeline.isRewound ? "paused, rewound" : "paused" }
        return session.timeline.isRewound ? "replaying" : "playing"
    }

    static func header(_ session: LiveSession, in area: Rect, on frame: inout Frame, pen: Pen) {
        let timeline = session.timeline
        let simulation = timeline.now.simulation
        let phases = session.scenario.plan.phases
        let phaseIndex = min(simulation.phaseIndex, phases.count - 1)
        var phase = phases[phaseIndex].name
        if phases.count > 1 { phase = "phase \(phaseIndex + 1)/\(phases.count) \(phase)" }
        var clock = "\(TextFormatting.clock(timeline.seconds)) / \(TextFormatting.clock(timeline.totalSeconds))"
        if timeline.isRewound { clock += " (recorded to \(TextFormatting.clock(timeline.recordedSeconds)))" }
        let right = " \(phase)  \(clock)  speed \(TextFormatting.speed(session.speed))  \(status(session).uppercased()) "
        let rightText = pen.text(right)
        let split = area.splitRight(min(area.width, rightText.count))
        frame.fill(area, with: Cell(" ", style: Style(reverse: true)))
        frame.render(
            TextLine(pen.text(" Attune · \(session.scenario.title)"), style: Style(bold: true, reverse: true), glyphs: pen.glyphs),
            in: split.rest)
        let statusStyle =
            session.isPaused || timeline.isFinished ? Style(foreground: .alert, bold: true, reverse: true) : Style(reverse: true)
        frame.render(TextLine(rightText, style: statusStyle, alignment: .right, glyphs: pen.glyphs), in: split.right)
    }

    static func narrationLines(_ session: LiveSession, in area: Rect, on frame: inout Frame, pen: Pen) {
        guard !area.isEmpty else { return }
        let width = area.width - 2
        var rows: [(String, Style)] = []
        if let notice = session.currentNotice {
            for line in TextFormatting.wrap(pen.text(notice.text), width: width - 2).prefix(2) {
                rows.append(((rows.isEmpty ? String(pen.glyphs.arrowRight) + " " : "  ") + line, Style(foreground: .accent, bold: true)))
            }
        }
        if let line = coachLine(session) {
            // What the coach said wraps to two rows; the waiting line is
            // shortened to one.
            if line.said {
                for (index, part) in TextFormatting.wrap(pen.text(line.text), width: width).prefix(2).enumerated() {
                    rows.append(((index == 0 ? "" : "  ") + part, line.style))
                }
            } else {
                rows.append((pen.glyphs.truncate(pen.text(line.text), toWidth: width), line.style))
            }
        }
        // Only the lines still true of the run are shown (see ``Narrator``).
        let narrator = session.timeline.now.narrator
        for (index, line) in narrator.shown.reversed().enumerated() {
            let style = index == 0 ? Style(bold: true) : Style(foreground: .muted)
            let wrapped = TextFormatting.wrap(pen.text(line.text), width: width)
            if index == 0 {
                for part in wrapped { rows.append((part, style)) }
            } else {
                rows.append((pen.glyphs.truncate(pen.text(line.text), toWidth: width), style))
            }
        }
        if rows.isEmpty && narrator.lines.isEmpty {
            rows.append((pen.text("The narration will say here what happens, and why."), Style(foreground: .muted)))
        }
        for (index, row) in rows.prefix(area.height).enumerated() {
            frame.render(TextLine(row.0, style: row.1, glyphs: pen.glyphs), in: area.line(index).inset(left: 1, right: 1))
        }
    }
}

/// One dyad's panel on the live screen.
enum DyadPanel {
    static let labelWidth = 10
    /// Rows of words under the faces: the baby's affect and doing, its
    /// arousal gauge, its heart rate, what she does, her intensity.
    static let wordRows = 5
    /// The widest the faces' area gets (columns): on a wide single panel
    /// the two faces stay at a conversational distance.
    static let widestFaces = 58

    static func render(session: LiveSession, dyad d: Int, selected: Bool, in area: Rect, on frame: inout Frame, pen: Pen) {
        let timeline = session.timeline
        let dyad = timeline.now.simulation.dyads[d]
        let label = session.scenario.plan.dyads[d].label
        let policy = dyad.caregiver.parameters.policy
        let title = (selected ? String(pen.glyphs.arrowRight) + " " : "") + "\(label) · \(ScreenWords.actionTitle(policy))"
        let borderStyle = selected ? Style(foreground: .accent, bold: true) : Style.plain
        let box = Box(title: pen.text(title), style: borderStyle, titleStyle: borderStyle.bolded, glyphs: pen.glyphs)
        frame.render(box, in: area)
        let inner = box.inner(area).inset(left: 1, right: 1)
        guard inner.height >= 1, inner.width >= 20 else { return }

        // Rows: faces 5, words 5, charts (arousal, gaze, affect, intensity,
        // coordination), figures; extra rows make room and detail, the
        // charts' time axis first (at 80 × 24 with two dyads there is no
        // room for it).
        let figures = figureLines(RunFigures(phases: dyad.metrics), width: inner.width)
        let base = Faces.height + wordRows + 5 + figures.count
        var extra = max(0, inner.height - base)
        func take(_ n: Int) -> Int {
            let got = min(n, extra)
            extra -= got
            return got
        }
        let axisRows = take(1)
        let gapAfterWords = take(1)
        var arousalHeight = 1 + take(1)
        let gapBeforeFigures = take(1)
        let topMargin = take(1)
        let intensityHeight = 1 + take(1)
        let legendRows = extra >= 3 ? take(3) : 0
        // A large window draws the faces larger, up to two fifths of the
        // panel's height; the arousal chart takes what is left.
        let faceSize = Self.faceSize(width: inner.width, height: min(Faces.height + extra, inner.height * 2 / 5))
        _ = take(faceSize.height - Faces.height)
        arousalHeight += take(4)
        let gapAfterFaces = take(1)
        arousalHeight += take(extra)

        var row = inner.row + topMargin
        let facesWidth = min(inner.width, max(Self.widestFaces, 2 * faceSize.width + 3 * Self.widestFaces / 4))
        faces(
            dyad, size: faceSize, in: Rect(column: inner.column, row: row, width: facesWidth, height: faceSize.height), on: &frame, pen: pen
        )
        row += faceSize.height + gapAfterFaces
        words(dyad, in: Rect(column: inner.column, row: row, width: inner.width, height: wordRows), on: &frame, pen: pen)
        row += wordRows + gapAfterWords

        let chartWidth = max(1, inner.width - labelWidth)
        let columns = ChartColumns(timeline: timeline, dyad: d, width: chartWidth, traits: dyad.traits, glyphs: pen.glyphs)
        func chartRow(_ name: String, height: Int, draw: (Rect, inout Frame) -> Void) {
            let band = Rect(column: inner.column, row: row, width: inner.width, height: height)
            frame.render(TextLine(name, style: .colour(.muted), glyphs: pen.glyphs), in: band.line(height - 1))
            draw(Rect(column: inner.column + labelWidth, row: row, width: chartWidth, height: height), &frame)
            row += height
        }
        chartRow("arousal", height: arousalHeight) { rect, frame in
            frame.render(StripChart(values: columns.arousal, sampleStyles: columns.arousalStyles, glyphs: pen.glyphs), in: rect)
        }
        chartRow("gaze", height: 1) { rect, frame in frame.render(TrackChart(marks: columns.gaze), in: rect) }
        chartRow("affect", height: 1) { rect, frame in frame.render(TrackChart(marks: columns.affect), in: rect) }
        chartRow("intensity", height: intensityHeight) { rect, frame in
            frame.render(StripChart(values: columns.intensity, style: .colour(.accent), glyphs: pen.glyphs), in: rect)
        }
        chartRow("in step", height: 1) { rect, frame in frame.render(TrackChart(marks: columns.coordination), in: rect) }
        if axisRows > 0 {
            let axis = Rect(column: inner.column + labelWidth, row: row, width: chartWidth, height: 1)
            frame.render(
                TextLine(pen.text("\(Int(columns.spanSeconds.rounded())) s ago"), style: .colour(.muted), glyphs: pen.glyphs), in: axis)
            frame.render(TextLine("now", style: .colour(.muted), alignment: .right, glyphs: pen.glyphs), in: axis)
            row += 1
        }
        if legendRows > 0 {
            let legends = [
                "gaze: \(pen.glyphs.dotFilled) at her  \(pen.glyphs.dotHollow) away  \(pen.glyphs == .ascii ? "." : "·") far away",
                "affect: + happy  . calm  - flat  ! upset",
                "in step: \(pen.glyphs.horizontal) yes ~ no X rupture + repair * both",
            ]
            for (index, legend) in legends.prefix(legendRows).enumerated() {
                frame.render(
                    TextLine(pen.text(legend), style: .colour(.muted), glyphs: pen.glyphs),
                    in: Rect(column: inner.column + labelWidth, row: row + index, width: chartWidth, height: 1))
            }
            row += legendRows
        }
        row += gapBeforeFigures
        for (index, line) in figures.enumerated() {
            frame.render(
                TextLine(pen.text(line), glyphs: pen.glyphs),
                in: Rect(column: inner.column, row: row + index, width: inner.width, height: 1))
        }
    }

    /// The faces' size in a panel `width` columns wide with `height` rows
    /// for them: the small faces up to 11 rows, then the largest of
    /// ``Faces/sizes`` that fits with room between the two faces for the
    /// lines of sight and what she says.
    static func faceSize(width: Int, height: Int) -> FaceSize {
        guard height >= 11 else { return .small }
        return Faces.largest(width: (width - 30) / 2, height: height)
    }

    /// The running figures, wrapped by item to `width`.
    static func figureLines(_ figures: RunFigures, width: Int) -> [String] {
        let items = [
            "ruptures \(figures.ruptures)",
            "repairs \(figures.repairs)",
            "median repair \(figures.medianRepairSeconds.map(TextFormatting.seconds) ?? "-")",
            "distress \(TextFormatting.seconds(figures.distressSeconds))",
        ]
        var lines: [String] = []
        var current = ""
        for item in items {
            if current.isEmpty {
                current = item
            } else if current.count + 3 + item.count <= width {
                current += " · " + item
            } else {
                lines.append(current)
                current = item
            }
        }
        lines.append(current)
        return lines
    }

    /// The two faces at `size`, their lines of sight, and what they say.
    static func faces(_ dyad: Dyad, size: FaceSize = .small, in area: Rect, on frame: inout Frame, pen: Pen) {
        let infant = dyad.infant
        let action = dyad.caregiver.action
        let scale = max(1, size.width / Faces.width)
        let infantColumn = area.column + 2
        let restColumn = area.endColumn - size.width - 3
        let caregiverColumn = min(area.endColumn - size.width, restColumn + Faces.caregiverLean(action) * min(scale, 2))
        let infantStyle = Style.colour(ScreenWords.colour(infant.affect))
        let infantRows = Faces.infant(gaze: infant.gaze, behavior: infant.behavior, affect: infant.affect, size: size)
        for (index, text) in infantRows.enumerated() {
            frame.write(text, column: infantColumn, row: area.row + index, style: infantStyle, clip: area)
        }
        let caregiverRows = Faces.caregiver(action: action, size: size)
        for (index, text) in caregiverRows.enumerated() {
            frame.write(text, column: caregiverColumn, row: area.row + index, style: .colour(.accent), clip: area)
        }
        let gap = Rect(
            column: infantColumn + size.width + 1, row: area.row, width: caregiverColumn - infantColumn - size.width - 2,
            height: size.height)
        guard gap.width >= 3 else { return }
        // Lines of sight, along the eyes (hers a row lower).
        let sight = area.row + PresenterView.sightRow(size)
        switch infant.gaze {
        case .atCaregiver:
            frame.write(
                dashes(gap.width, arrowAtEnd: pen.glyphs.arrowRight), column: gap.column, row: sight, style: .colour(.calm), clip: gap)
        case .away:
            // Looking around the room is curiosity, not overload: calm.
            let colour: SemanticColour = infant.behavior == .exploring ? .calm : .alert
            frame[infantColumn - 1, sight] = Cell(pen.glyphs.arrowLeft, style: .colour(colour))
        case .farAway:
            frame[infantColumn - 2, sight] = Cell(pen.glyphs.arrowLeft, style: .colour(.distress))
            frame[infantColumn - 1, sight] = Cell(pen.glyphs.arrowLeft, style: .colour(.distress))
        }
        if action != .disengage {
            let line = String(pen.glyphs.arrowLeft) + String(dashes(gap.width, arrowAtEnd: nil).dropFirst())
            frame.write(line, column: gap.column, row: sight + 1, style: .colour(.accent), clip: gap)
        } else {
            frame.write(String(pen.glyphs.arrowRight), column: caregiverColumn + size.width, row: sight, style: .colour(.muted), clip: area)
        }
        // Words.
        let sound = Faces.infantSound(infant.behavior)
        if !sound.isEmpty {
            frame.write(sound, column: gap.column, row: sight - 2, style: infantStyle.bolded, clip: gap)
        }
        let said = Faces.caregiverWords(action)
        if !said.isEmpty {
            frame.render(
                TextLine(said, style: Style(foreground: .accent, bold: true), alignment: .right, glyphs: pen.glyphs),
                in: gap.line(sight - 1 - gap.row))
        }
    }

    /// `width` columns of spaced dashes ending with `arrowAtEnd`.
    static func dashes(_ width: Int, arrowAtEnd: Character?) -> String {
        var text = ""
        for index in 0..<width { text.append(index % 2 == 0 ? "-" : " ") }
        if let arrowAtEnd, width > 0 {
            text.removeLast()
            text.append(arrowAtEnd)
        }
        return text
    }

    /// The five lines of words: the infant's affect and doing, its arousal
    /// gauge, its heart rate (under the gauge, with its resting rate), the
    /// caregiver's action (and how long she has waited), her intensity.
    static func words(_ dyad: Dyad, in area: Rect, on frame: inout Frame, pen: Pen) {
        let infant = dyad.infant
        let caregiver = dyad.caregiver
        let affectColour = ScreenWords.colour(infant.affect)
        // 1: affect and what the infant does.
        var x = frame.write(
            "\(ScreenWords.symbol(infant.affect)) \(infant.affect.word)", column: area.column, row: area.row,
            style: Style(foreground: affectColour, bold: true), clip: area)
        x = frame.write(pen.text(" · "), column: x, row: area.row, style: .colour(.muted), clip: area)
        frame.render(
            TextLine(pen.text(ScreenWords.doing(gaze: infant.gaze, behavior: infant.behavior, affect: infant.affect)), glyphs: pen.glyphs),
            in: Rect(column: x, row: area.row, width: area.endColumn - x, height: 1))
        // 2: arousal gauge with the window of tolerance and the distress level.
        let zone = ScreenWords.zone(arousal: infant.arousal, behavior: infant.behavior, traits: dyad.traits)
        let gaugeRow = area.line(1)
        frame.write("arousal", column: gaugeRow.column, row: gaugeRow.row, style: .colour(.muted), clip: gaugeRow)
        let gaugeWidth = max(5, min(32, gaugeRow.width - DyadPanel.labelWidth - zone.word.count - 1))
        let gauge = Rect(column: gaugeRow.column + DyadPanel.labelWidth, row: gaugeRow.row, width: gaugeWidth, height: 1)
        frame.render(
            BandGauge(
                value: infant.arousal, band: dyad.traits.windowLow...dyad.traits.windowHigh,
                markerStyle: Style(foreground: zone.colour, bold: true), glyphs: pen.glyphs),
            in: gauge)
        let cells = gaugeWidth - 2
        if let distressCell = BandGauge.markerIndex(value: dyad.traits.distressLevel, cells: cells),
            distressCell
                != BandGauge.markerIndex(value: infant.arousal, band: dyad.traits.windowLow...dyad.traits.windowHigh, cells: cells)
        {
            frame[gauge.column + 1 + distressCell, gauge.row] = Cell("!", style: .colour(.distress))
        }
        frame.write(
            zone.word, column: gauge.endColumn + 1, row: gaugeRow.row, style: Style(foreground: zone.colour, bold: true), clip: gaugeRow)
        // 3: the heart rate, under the gauge, beside its resting rate.
        let heartRow = area.line(2)
        let beats = frame.write(
            ScreenWords.heartRate(infant.heartRate, ascii: pen.ascii), column: heartRow.column + DyadPanel.labelWidth,
            row: heartRow.row, style: Style(bold: true), clip: heartRow)
        frame.write(
            " (resting \(Int(dyad.traits.restingHeartRate.rounded())))", column: beats, row: heartRow.row, style: .colour(.muted),
            clip: heartRow)
        // 4: what she does, and for how long she has waited.
        var doing = ScreenWords.caregiverDoing(caregiver.action)
        if caregiver.action == .wait {
            let waited = " · \(TextFormatting.seconds(caregiver.actionSeconds))"
            doing += doing.count + waited.count + 7 <= area.width ? waited + " so far" : waited
        }
        frame.render(TextLine(pen.text(doing), style: Style(foreground: .accent, bold: true), glyphs: pen.glyphs), in: area.line(3))
        // 5: her intensity.
        let intensityRow = area.line(4)
        frame.write("intensity", column: intensityRow.column, row: intensityRow.row, style: .colour(.muted), clip: intensityRow)
        let barWidth = max(5, min(20, intensityRow.width - DyadPanel.labelWidth - 6))
        let filled = Int((caregiver.intensity * Double(barWidth)).rounded())
        var bar = ""
        for index in 0..<barWidth { bar.append(index < filled ? pen.glyphs.fullBlock : pen.glyphs.shadeLight) }
        let end = frame.write(
            bar, column: intensityRow.column + DyadPanel.labelWidth, row: intensityRow.row, style: .colour(.accent), clip: intensityRow)
        frame.write(" " + TextFormatting.percent(caregiver.intensity * 100), column: end, row: intensityRow.row, clip: intensityRow)
    }
}
