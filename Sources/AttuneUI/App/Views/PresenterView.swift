import AttuneModel
import AttuneScenario

/// Draws the live screen for a projector (`attune present`): few things,
/// drawn big, readable from the back of a room in a 100 × 30 window.
///
/// A header with the scene, the clock and the state; one panel per dyad
/// with the two faces scaled up to fill it, the affect and what the baby
/// does in bold words, a tall arousal gauge across the panel with the
/// window of tolerance marked and named, the heart rate under it, and what
/// the caregiver does; then
/// the newest caption (or the scene's question and its choices) in bold,
/// centred on its own band. There is no key bar: `?` lists the keys.
enum PresenterView {
    /// Rows of the caption band for a window `height` rows high.
    static func captionRows(height: Int) -> Int { height >= 30 ? 5 : 4 }

    static func render(_ session: LiveSession, on frame: inout Frame, pen: Pen) {
        let area = frame.bounds
        let bands = area.rows([.fixed(1), .fill(), .fixed(1), .fixed(captionRows(height: area.height))])
        LiveView.header(session, in: bands[0], on: &frame, pen: pen)
        let count = session.timeline.dyadCount
        let columns = bands[1].columns(Array(repeating: .fill(), count: max(1, count)))
        for d in 0..<count {
            panel(session, dyad: d, in: columns[d].inset(left: 1, right: 1), on: &frame, pen: pen)
        }
        frame.write(
            String(repeating: String(pen.glyphs.horizontal), count: bands[2].width), column: bands[2].column,
            row: bands[2].row, style: Style(bold: true), clip: bands[2])
        if let decision = session.timeline.openDecision, !session.timeline.isFinished {
            question(session.scenario.decisions[decision], in: bands[3], on: &frame, pen: pen)
        } else {
            caption(session, in: bands[3], on: &frame, pen: pen)
        }
    }

    /// How many times the 7 × 5 faces are scaled up to fit `area`: the
    /// largest whole factor (1 to 3) at which both faces, a gap between
    /// them and the rows below (``rowsBelowFaces``) fit.
    static func faceScale(for area: Rect) -> Int {
        for scale in stride(from: 3, through: 1, by: -1) {
            let width = 2 * Faces.width * scale + minimumGap
            let height = faceHeight(scale: scale) + rowsBelowFaces + 1
            if width <= area.width && height <= area.height { return scale }
        }
        return 1
    }

    /// The fewest columns between the two faces, for the line of sight and
    /// what she says.
    static let minimumGap = 16

    /// Rows of a face scaled `scale` times: the eye and mouth rows grow by
    /// `scale - 1` rows each.
    static func faceHeight(scale: Int) -> Int { Faces.height + 2 * (scale - 1) }

    /// Rows under the faces: the baby's words, a blank row, the gauge (3),
    /// its label, the heart rate, and what she does.
    static let rowsBelowFaces = 8

    static func panel(_ session: LiveSession, dyad d: Int, in area: Rect, on frame: inout Frame, pen: Pen) {
        guard area.height >= 1, area.width >= 10 else { return }
        let dyad = session.timeline.now.simulation.dyads[d]
        let label = session.scenario.plan.dyads[d].label
        let policy = ScreenWords.actionTitle(dyad.caregiver.parameters.policy)
        frame.render(
            TextLine(
                pen.text("\(label) · \(policy)"), style: Style(foreground: .accent, bold: true), alignment: .centre, glyphs: pen.glyphs),
            in: area.line(0))
        let body = Rect(column: area.column, row: area.row + 1, width: area.width, height: max(0, area.height - 1))
        let scale = faceScale(for: body)
        let facesHeight = faceHeight(scale: scale)
        let spare = max(0, body.height - facesHeight - rowsBelowFaces)
        let gapAfterFaces = spare >= 2 ? 1 : 0
        var row = body.row + (spare - gapAfterFaces) / 2
        faces(dyad, scale: scale, in: Rect(column: body.column, row: row, width: body.width, height: facesHeight), on: &frame, pen: pen)
        row += facesHeight + gapAfterFaces

        let infant = dyad.infant
        let affectStyle = Style(foreground: ScreenWords.colour(infant.affect), bold: true)
        let babyLine =
            "\(ScreenWords.symbol(infant.affect)) \(infant.affect.word.uppercased()) · \(ScreenWords.doing(gaze: infant.gaze, behavior: infant.behavior, affect: infant.affect))"
        frame.render(TextLine(pen.text(babyLine), style: affectStyle, alignment: .centre, glyphs: pen.glyphs), in: line(body, row))
        row += 2

        let zone = ScreenWords.zone(arousal: infant.arousal, behavior: infant.behavior, traits: dyad.traits)
        let gaugeWidth = max(5, body.width)
        for offset in 0..<3 {
            frame.render(
                BandGauge(
                    value: infant.arousal, band: dyad.traits.windowLow...dyad.traits.windowHigh,
                    trackStyle: Style(bold: true), bandStyle: Style(foreground: .calm, bold: true),
                    markerStyle: Style(foreground: zone.colour, bold: true, reverse: true), glyphs: pen.glyphs),
                in: Rect(column: body.column, row: row + offset, width: gaugeWidth, height: 1))
        }
        row += 3
        let arousalLine = "arousal: \(zone.word.uppercased())   (\(pen.glyphs.shadeDark)\(pen.glyphs.shadeDark) the comfortable range)"
        frame.render(
            TextLine(pen.text(arousalLine), style: Style(foreground: zone.colour, bold: true), alignment: .centre, glyphs: pen.glyphs),
            in: line(body, row))
        row += 1
        let heart = ScreenWords.heartRate(infant.heartRate, resting: dyad.traits.restingHeartRate, ascii: pen.ascii)
        frame.render(TextLine(heart, style: Style(bold: true), alignment: .centre, glyphs: pen.glyphs), in: line(body, row))
        row += 1

        var doing = ScreenWords.caregiverDoing(dyad.caregiver.action)
        if dyad.caregiver.action == .wait { doing += " · \(TextFormatting.wholeSeconds(dyad.caregiver.actionSeconds))" }
        frame.render(
            TextLine(pen.text(doing), style: Style(foreground: .accent, bold: true), alignment: .centre, glyphs: pen.glyphs),
            in: line(body, row))
    }

    /// Row `row` of `area` as a one-row rectangle (empty when outside).
    static func line(_ area: Rect, _ row: Int) -> Rect {
        guard row >= area.row, row < area.row + area.height else { return Rect(column: area.column, row: row, width: 0, height: 0) }
        return Rect(column: area.column, row: row, width: area.width, height: 1)
    }

    /// A face's `rows` drawn `scale` times larger: each character is
    /// followed by `scale - 1` more columns (a stroke such as `_`, `-`, `~`
    /// or `=`, or a character before a `_`, continues; anything else is
    /// followed by spaces), and each row with the face's sides (`|`) is
    /// followed by `scale - 1` rows of just its sides, so the face grows
    /// taller without doubling its eyes or mouth.
    static func scaled(_ rows: [String], by scale: Int) -> [String] {
        guard scale > 1 else { return rows }
        let strokes: Set<Character> = ["_", "-", "~", "="]
        var out: [String] = []
        for row in rows {
            let characters = Array(row)
            var wide = ""
            for (index, character) in characters.enumerated() {
                wide.append(character)
                let next = index + 1 < characters.count ? characters[index + 1] : " "
                let fill: Character = strokes.contains(character) && next != " " ? character : (next == "_" ? "_" : " ")
                wide += String(repeating: String(fill), count: scale - 1)
            }
            out.append(wide)
            if row.contains("|") {
                let sides = String(wide.map { $0 == "|" ? "|" : " " })
                out += Array(repeating: sides, count: scale - 1)
            }
        }
        return out
    }

    /// The two faces, scaled, with the baby's line of sight between them.
    static func faces(_ dyad: Dyad, scale: Int, in area: Rect, on frame: inout Frame, pen: Pen) {
        let infant = dyad.infant
        let action = dyad.caregiver.action
        let faceWidth = Faces.width * scale
        let span = min(area.width, 2 * faceWidth + minimumGap + 8 * scale)
        let left = area.column + (area.width - span) / 2
        let infantColumn = left + 2
        let caregiverColumn = left + span - faceWidth - 2
        let infantStyle = Style(foreground: ScreenWords.colour(infant.affect), bold: true)
        for (index, text) in scaled(Faces.infant(gaze: infant.gaze, behavior: infant.behavior, affect: infant.affect), by: scale)
            .enumerated()
        {
            frame.write(text, column: infantColumn, row: area.row + index, style: infantStyle, clip: area)
        }
        for (index, text) in scaled(Faces.caregiver(action: action), by: scale).enumerated() {
            frame.write(text, column: caregiverColumn, row: area.row + index, style: Style(foreground: .accent, bold: true), clip: area)
        }
        let gapColumn = infantColumn + faceWidth + 1
        let gapWidth = caregiverColumn - gapColumn - 1
        let middle = area.row + 2 + (scale - 1)
        guard gapWidth >= 3 else { return }
        switch infant.gaze {
        case .atCaregiver:
            frame.write(
                DyadPanel.dashes(gapWidth, arrowAtEnd: pen.glyphs.arrowRight), column: gapColumn, row: middle,
                style: Style(foreground: .calm, bold: true), clip: area)
        case .away where infant.behavior == .exploring:
            // Curious, not overwhelmed: calm, and said in words.
            frame.write(
                String(pen.glyphs.arrowLeft) + " looking around", column: gapColumn, row: middle,
                style: Style(foreground: .calm, bold: true), clip: Rect(column: gapColumn, row: middle, width: gapWidth, height: 1))
        case .away:
            frame.write(
                String(pen.glyphs.arrowLeft) + " away", column: gapColumn, row: middle,
                style: Style(foreground: .alert, bold: true), clip: area)
        case .farAway:
            frame.write(
                String(pen.glyphs.arrowLeft) + String(pen.glyphs.arrowLeft) + " far away", column: gapColumn, row: middle,
                style: Style(foreground: .distress, bold: true), clip: area)
        }
        let sound = Faces.infantSound(infant.behavior)
        if !sound.isEmpty {
            frame.write(sound, column: gapColumn, row: area.row, style: infantStyle, clip: area)
        }
        let said = Faces.caregiverWords(action)
        if !said.isEmpty {
            let wordsRow = Rect(column: gapColumn, row: area.row + 1, width: gapWidth, height: 1)
            frame.render(TextLine(said, style: Style(foreground: .accent, bold: true), alignment: .right, glyphs: pen.glyphs), in: wordsRow)
        }
    }

    /// The newest caption still true (or a fresh notice), bold and centred.
    static func caption(_ session: LiveSession, in area: Rect, on frame: inout Frame, pen: Pen) {
        // The newest line still true of the run (see ``Narrator``); none
        // once every line said has stopped being true.
        let narrator = session.timeline.now.narrator
        let placeholder = narrator.lines.isEmpty ? "The narration will say here what happens, and why." : ""
        let text = session.currentNotice?.text ?? narrator.current?.text ?? placeholder
        let lines = TextFormatting.wrap(pen.text(text), width: max(1, area.width - 6))
        let shown = Array(lines.prefix(area.height))
        let top = area.row + max(0, (area.height - shown.count) / 2)
        for (index, text) in shown.enumerated() {
            frame.render(
                TextLine(text, style: Style(bold: true), alignment: .centre, glyphs: pen.glyphs),
                in: Rect(column: area.column + 3, row: top + index, width: area.width - 6, height: 1))
        }
    }

    /// A decision point's question in reverse video, and its choices with
    /// their keys, well spaced.
    static func question(_ point: DecisionPoint, in area: Rect, on frame: inout Frame, pen: Pen) {
        let questionLines = TextFormatting.wrap(pen.text(point.question), width: max(1, area.width - 6))
        let shown = Array(questionLines.prefix(max(1, area.height - 2)))
        frame.fill(
            Rect(column: area.column, row: area.row, width: area.width, height: shown.count + 1),
            with: Cell(" ", style: Style(bold: true, reverse: true)))
        for (index, text) in shown.enumerated() {
            frame.render(
                TextLine(text, style: Style(bold: true, reverse: true), alignment: .centre, glyphs: pen.glyphs),
                in: Rect(column: area.column + 3, row: area.row + index, width: area.width - 6, height: 1))
        }
        let choices = point.choices.map { "[\($0.key)] \($0.label)" }.joined(separator: "      ")
        frame.render(
            TextLine(pen.text(choices), style: Style(foreground: .accent, bold: true), alignment: .centre, glyphs: pen.glyphs),
            in: Rect(column: area.column + 1, row: area.row + shown.count + 1, width: area.width - 2, height: 1))
    }
}
