import AttuneModel
import AttuneScenario

/// Draws the live screen for a projector (`attune present`): few things,
/// drawn big, readable from the back of a room, and growing with the
/// window (from 80 × 24 to 200 × 60 and beyond).
///
/// A header with the scene, the clock and the state; one panel per dyad
/// with the two faces drawn as large as the panel allows (``Faces/sizes``),
/// the affect and what the baby does in bold words, a tall arousal gauge
/// across the panel with the window of tolerance and the distress mark
/// (`!`) on it, its meaning in words, the heart rate under it (in big
/// digits in a large window), and what the caregiver does; then the newest
/// caption (or the scene's question and its choices) in bold, centred on
/// its own band. The rows a panel has to spare are shared out between the
/// gaps, at most three to a gap (the gauge takes the rest), so that a large
/// window shows no empty bands. There is no key bar: `?` lists the keys.
enum PresenterView {
    /// Rows of the caption band for a window `height` rows high: 4 at 24
    /// rows, 5 at 30, up to 7 from 42 rows (a one-line caption then keeps
    /// three empty rows above and below it, no more).
    static func captionRows(height: Int) -> Int { min(7, max(4, height / 6)) }

    static func render(_ session: LiveSession, on frame: inout Frame, pen: Pen) {
        let area = frame.bounds
        let bands = area.rows([.fixed(1), .fill(), .fixed(1), .fixed(captionRows(height: area.height))])
        LiveView.header(session, in: bands[0], on: &frame, pen: pen)
        let count = session.timeline.dyadCount
        let columns = bands[1].columns(Array(repeating: .fill(), count: max(1, count)))
        // Every panel is laid out as the narrowest one, so their rows line up.
        let narrowest = columns.map(\.width).min() ?? bands[1].width
        let body = Rect(column: 0, row: bands[1].row + 1, width: max(0, narrowest - 2), height: max(0, bands[1].height - 1))
        let layout = PanelLayout(body: body)
        for d in 0..<count {
            panel(session, dyad: d, layout: layout, in: columns[d].inset(left: 1, right: 1), on: &frame, pen: pen)
        }
        frame.write(
            String(repeating: String(pen.glyphs.horizontal), count: bands[2].width), column: bands[2].column,
            row: bands[2].row, style: Style(bold: true), clip: bands[2])
        if let decision = session.timeline.openDecision, !session.timeline.isFinished {
            question(session.scenario.decisions[decision], in: bands[3], on: &frame, pen: pen)
        } else if let line = LiveView.coachLine(session), bands[3].height >= 3 {
            // In her place, the coaching line takes the band's last rows:
            // two when the band has five or more, else one.
            let width = max(1, min(bands[3].width - 6, captionWidth))
            let wrapped = TextFormatting.wrap(pen.text(line.text), width: width)
            let coachRows = bands[3].height >= 5 ? min(2, wrapped.count) : 1
            var shown = Array(wrapped.prefix(coachRows))
            if wrapped.count > coachRows, let last = shown.popLast() {
                shown.append(pen.glyphs.truncate(last + " " + wrapped[coachRows...].joined(separator: " "), toWidth: width))
            }
            let (captionArea, coachArea) = bands[3].splitTop(bands[3].height - shown.count)
            caption(session, in: captionArea, on: &frame, pen: pen)
            for (index, text) in shown.enumerated() {
                frame.render(
                    TextLine(text, style: line.style, alignment: .centre, glyphs: pen.glyphs),
                    in: Rect(column: coachArea.column + 3, row: coachArea.row + index, width: coachArea.width - 6, height: 1))
            }
        } else {
            caption(session, in: bands[3], on: &frame, pen: pen)
        }
    }

    /// The fewest columns between the two faces, for the line of sight and
    /// what she says.
    static let minimumGap = 16

    /// Where everything of a panel goes, worked out from the size of its
    /// body (the panel below its title): the faces' size, the gauge's rows,
    /// whether the heart rate is drawn in big digits, and the empty rows
    /// of each gap.
    struct PanelLayout: Hashable {
        /// The faces' size, one of ``Faces/sizes``.
        var faces: FaceSize
        /// Rows of the arousal gauge, 3 or more.
        var gaugeRows: Int
        /// True to draw the heart rate in digits three rows tall.
        var bigHeart: Bool
        /// Empty rows: above the faces, under the faces, under the baby's
        /// words, under the gauge's words, under the heart rate.
        var gaps: [Int]

        /// Rows of the heart rate.
        var heartRows: Int { bigHeart ? BigDigits.height : 1 }

        /// The layout for a panel body `body.width` × `body.height`.
        init(body: Rect) {
            bigHeart = body.height >= 30 && body.width >= 40
            gaugeRows = body.height >= 40 ? 5 : (body.height >= 30 ? 4 : 3)
            // Fixed rows: the baby's words, the gauge, its words, the heart
            // rate, what she does; and one empty row under the baby's words.
            let fixed = 1 + gaugeRows + 1 + (bigHeart ? BigDigits.height : 1) + 1 + 1
            let faceWidth = (body.width - PresenterView.minimumGap - 4) / 2
            faces = Faces.largest(width: faceWidth, height: body.height - fixed - (body.height >= 30 ? 2 : 0))
            var spare = max(0, body.height - fixed - faces.height)
            // Share the spare rows out: under the faces first, then above
            // them, under the gauge, under the baby's words, at the bottom;
            // at most three to a gap, the rest to the gauge.
            // The big digits' top row can be empty ("141"), so the gap
            // above them stops at two.
            var gaps = [0, 0, 1, 0, 0]
            let most = [3, 3, 3, bigHeart ? 2 : 3, 3]
            let order = [1, 0, 3, 2, 4]
            var index = 0
            while spare > 0 && order.contains(where: { gaps[$0] < most[$0] }) {
                let gap = order[index % order.count]
                index += 1
                guard gaps[gap] < most[gap] else { continue }
                gaps[gap] += 1
                spare -= 1
            }
            gaugeRows += spare
            self.gaps = gaps
        }
    }

    static func panel(_ session: LiveSession, dyad d: Int, layout: PanelLayout, in area: Rect, on frame: inout Frame, pen: Pen) {
        guard area.height >= 1, area.width >= 10 else { return }
        let dyad = session.timeline.now.simulation.dyads[d]
        let label = session.scenario.plan.dyads[d].label
        let policy = ScreenWords.actionTitle(dyad.caregiver.parameters.policy)
        frame.render(
            TextLine(
                pen.text("\(label) · \(policy)"), style: Style(foreground: .accent, bold: true), alignment: .centre, glyphs: pen.glyphs),
            in: area.line(0))
        let body = Rect(column: area.column, row: area.row + 1, width: area.width, height: max(0, area.height - 1))
        var row = body.row + layout.gaps[0]
        faces(
            dyad, size: layout.faces, in: Rect(column: body.column, row: row, width: body.width, height: layout.faces.height), on: &frame,
            pen: pen)
        row += layout.faces.height + layout.gaps[1]

        let infant = dyad.infant
        let affectStyle = Style(foreground: ScreenWords.colour(infant.affect), bold: true)
        let babyLine =
            "\(ScreenWords.symbol(infant.affect)) \(infant.affect.word.uppercased()) · \(ScreenWords.doing(gaze: infant.gaze, behavior: infant.behavior, affect: infant.affect))"
        frame.render(TextLine(pen.text(babyLine), style: affectStyle, alignment: .centre, glyphs: pen.glyphs), in: line(body, row))
        row += 1 + layout.gaps[2]

        let zone = ScreenWords.zone(arousal: infant.arousal, behavior: infant.behavior, traits: dyad.traits)
        let gaugeWidth = max(5, body.width)
        let cells = gaugeWidth - 2
        let marker = BandGauge.markerIndex(value: infant.arousal, cells: cells)
        let distressCell = BandGauge.markerIndex(value: dyad.traits.distressLevel, cells: cells)
        for offset in 0..<layout.gaugeRows where row + offset < body.endRow {
            frame.render(
                BandGauge(
                    value: infant.arousal, band: dyad.traits.windowLow...dyad.traits.windowHigh,
                    trackStyle: Style(bold: true), bandStyle: Style(foreground: .calm, bold: true),
                    markerStyle: Style(foreground: zone.colour, bold: true, reverse: true), glyphs: pen.glyphs),
                in: Rect(column: body.column, row: row + offset, width: gaugeWidth, height: 1))
            // The distress mark: from here up, a baby that shows it is overwhelmed.
            if let distressCell, distressCell != marker {
                frame[body.column + 1 + distressCell, row + offset] = Cell("!", style: Style(foreground: .distress, bold: true))
            }
        }
        row += layout.gaugeRows
        // The legend goes first when the panel is narrow, never the state.
        let state = "arousal: \(zone.word.uppercased())"
        let band = "\(pen.glyphs.shadeDark)\(pen.glyphs.shadeDark)"
        let arousalLine =
            [
                "\(state)   (\(band) the comfortable range · ! overwhelmed)", "\(state)   (\(band) comfortable · ! overwhelmed)",
                "\(state)  (\(band) comfortable)", state,
            ]
            .map { pen.text($0) }.first { $0.count <= body.width } ?? pen.text(state)
        frame.render(
            TextLine(arousalLine, style: Style(foreground: zone.colour, bold: true), alignment: .centre, glyphs: pen.glyphs),
            in: line(body, row))
        row += 1 + layout.gaps[3]
        heart(
            dyad, big: layout.bigHeart, in: Rect(column: body.column, row: row, width: body.width, height: layout.heartRows), on: &frame,
            pen: pen)
        row += layout.heartRows

        var doing = ScreenWords.caregiverDoing(dyad.caregiver.action)
        if dyad.caregiver.action == .wait { doing += " · \(TextFormatting.wholeSeconds(dyad.caregiver.actionSeconds))" }
        frame.render(
            TextLine(pen.text(doing), style: Style(foreground: .accent, bold: true), alignment: .centre, glyphs: pen.glyphs),
            in: line(body, row))
    }

    /// The heart rate, centred: on one row (`♥ 152 bpm (resting 140)`), or
    /// with its number in digits three rows tall and the rest beside them.
    static func heart(_ dyad: Dyad, big: Bool, in area: Rect, on frame: inout Frame, pen: Pen) {
        let infant = dyad.infant
        guard big else {
            let heart = ScreenWords.heartRate(infant.heartRate, resting: dyad.traits.restingHeartRate, ascii: pen.ascii)
            frame.render(TextLine(heart, style: Style(bold: true), alignment: .centre, glyphs: pen.glyphs), in: line(area, area.row))
            return
        }
        let digits = BigDigits.rows(String(Int(infant.heartRate.rounded())))
        let before = pen.ascii ? "HR" : "♥"
        let after = "bpm (resting \(Int(dyad.traits.restingHeartRate.rounded())))"
        let width = before.count + 2 + digits[0].count + 2 + after.count
        var column = area.column + max(0, (area.width - width) / 2)
        let middle = area.row + 1
        frame.write(before, column: column, row: middle, style: Style(foreground: .distress, bold: true), clip: area)
        column += before.count + 2
        for (index, text) in digits.enumerated() {
            frame.write(text, column: column, row: area.row + index, style: Style(bold: true), clip: area)
        }
        column += digits[0].count + 2
        frame.write(after, column: column, row: middle, style: Style(bold: true), clip: area)
    }

    /// Row `row` of `area` as a one-row rectangle (empty when outside).
    static func line(_ area: Rect, _ row: Int) -> Rect {
        guard row >= area.row, row < area.row + area.height else { return Rect(column: area.column, row: row, width: 0, height: 0) }
        return Rect(column: area.column, row: row, width: area.width, height: 1)
    }

    /// The row of a face `size` that the line of sight runs along: its eyes.
    static func sightRow(_ size: FaceSize) -> Int {
        size.width <= FaceSize.small.width ? 2 : FaceDrawing.eyeRow(height: size.height)
    }

    /// The two faces at `size`, with the baby's line of sight between them
    /// and what each says.
    static func faces(_ dyad: Dyad, size: FaceSize, in area: Rect, on frame: inout Frame, pen: Pen) {
        let infant = dyad.infant
        let action = dyad.caregiver.action
        let gap = max(minimumGap, min(size.width + 8, area.width - 2 * size.width - 4))
        let span = min(area.width, 2 * size.width + gap + 4)
        let left = area.column + (area.width - span) / 2
        let infantColumn = left + 2
        let caregiverColumn = left + span - size.width - 2
        let infantStyle = Style(foreground: ScreenWords.colour(infant.affect), bold: true)
        for (index, text) in Faces.infant(gaze: infant.gaze, behavior: infant.behavior, affect: infant.affect, size: size).enumerated() {
            frame.write(text, column: infantColumn, row: area.row + index, style: infantStyle, clip: area)
        }
        for (index, text) in Faces.caregiver(action: action, size: size).enumerated() {
            frame.write(text, column: caregiverColumn, row: area.row + index, style: Style(foreground: .accent, bold: true), clip: area)
        }
        let gapColumn = infantColumn + size.width + 1
        let gapWidth = caregiverColumn - gapColumn - 1
        let middle = area.row + sightRow(size)
        guard gapWidth >= 3 else { return }
        let gapRow = Rect(column: gapColumn, row: middle, width: gapWidth, height: 1)
        switch infant.gaze {
        case .atCaregiver:
            frame.write(
                DyadPanel.dashes(gapWidth, arrowAtEnd: pen.glyphs.arrowRight), column: gapColumn, row: middle,
                style: Style(foreground: .calm, bold: true), clip: area)
        case .away where infant.behavior == .exploring:
            // Curious, not overwhelmed: calm, and said in words.
            frame.write(
                String(pen.glyphs.arrowLeft) + " looking around", column: gapColumn, row: middle,
                style: Style(foreground: .calm, bold: true), clip: gapRow)
        case .away:
            frame.write(
                String(pen.glyphs.arrowLeft) + " away", column: gapColumn, row: middle,
                style: Style(foreground: .alert, bold: true), clip: gapRow)
        case .farAway:
            frame.write(
                String(pen.glyphs.arrowLeft) + String(pen.glyphs.arrowLeft) + " far away", column: gapColumn, row: middle,
                style: Style(foreground: .distress, bold: true), clip: gapRow)
        }
        let sound = Faces.infantSound(infant.behavior)
        if !sound.isEmpty {
            frame.write(sound, column: gapColumn, row: max(area.row, middle - 2), style: infantStyle, clip: area)
        }
        let said = Faces.caregiverWords(action)
        if !said.isEmpty {
            let wordsRow = Rect(column: gapColumn, row: max(area.row, middle - 1), width: gapWidth, height: 1)
            frame.render(TextLine(said, style: Style(foreground: .accent, bold: true), alignment: .right, glyphs: pen.glyphs), in: wordsRow)
        }
    }

    /// The widest a caption's lines get (columns): longer lines are hard to
    /// follow from the back of a room.
    static let captionWidth = 100

    /// The newest caption still true (or a fresh notice), bold and centred.
    static func caption(_ session: LiveSession, in area: Rect, on frame: inout Frame, pen: Pen) {
        // The newest line still true of the run (see ``Narrator``); none
        // once every line said has stopped being true.
        let narrator = session.timeline.now.narrator
        let placeholder = narrator.lines.isEmpty ? "The narration will say here what happens, and why." : ""
        let text = session.currentNotice?.text ?? narrator.current?.text ?? placeholder
        let lines = TextFormatting.wrap(pen.text(text), width: max(1, min(area.width - 6, captionWidth)))
        let shown = Array(lines.prefix(area.height))
        // In a tall band the lines stand a row apart, which reads larger.
        let spacing = area.height >= 6 && 2 * shown.count - 1 <= area.height ? 2 : 1
        let rows = spacing * shown.count - (spacing - 1)
        let top = area.row + max(0, (area.height - rows) / 2)
        for (index, text) in shown.enumerated() {
            frame.render(
                TextLine(text, style: Style(bold: true), alignment: .centre, glyphs: pen.glyphs),
                in: Rect(column: area.column + 3, row: top + spacing * index, width: area.width - 6, height: 1))
        }
    }

    /// A decision point's question in reverse video, and its choices with
    /// their keys, well spaced.
    static func question(_ point: DecisionPoint, in area: Rect, on frame: inout Frame, pen: Pen) {
        let questionLines = TextFormatting.wrap(pen.text(point.question), width: max(1, area.width - 6))
        let shown = Array(questionLines.prefix(max(1, area.height - 2)))
        // The question and its choices sit in the middle of the band, the
        // reverse video running from the band's top to under the question.
        let top = area.row + max(0, (area.height - shown.count - 2) / 2)
        frame.fill(
            Rect(column: area.column, row: area.row, width: area.width, height: top - area.row + shown.count + 1),
            with: Cell(" ", style: Style(bold: true, reverse: true)))
        for (index, text) in shown.enumerated() {
            frame.render(
                TextLine(text, style: Style(bold: true, reverse: true), alignment: .centre, glyphs: pen.glyphs),
                in: Rect(column: area.column + 3, row: top + index, width: area.width - 6, height: 1))
        }
        let choices = point.choices.map { "[\($0.key)] \($0.label)" }.joined(separator: "      ")
        frame.render(
            TextLine(pen.text(choices), style: Style(foreground: .accent, bold: true), alignment: .centre, glyphs: pen.glyphs),
            in: Rect(column: area.column + 1, row: top + shown.count + 1, width: area.width - 2, height: 1))
    }
}
