import AttuneModel

/// Draws one grid of the room: a title row, then one cell per baby facing
/// this grid's caregiver.
///
/// A cell says, at a glance, in symbols and in colour:
///
/// ```
///  ● ++ 152 ─      spaced: where it looks, its face, its heart rate, in step
///  7 smiles        (roomy windows) its number and what it does
/// ●++152─          dense
/// ```
///
/// - where the baby looks: `●` at her (calm), `○` away (alert; calm when it
///   only looks around the room), `·` turned far away (distress; `_` in ASCII);
/// - its affect: the dyad view's symbol (``ScreenWords/symbol(_:)``) in the
///   affect's colour;
/// - its heart rate in bpm, bold and coloured when well above the baby's
///   own resting rate (``heartStyle(rise:)``);
/// - the pair: `─` in step (calm; `=` in ASCII), `~` out of step (alert), `X` in a
///   rupture (distress, bold).
///
/// The selected baby's cell is in reverse video with a pointer before it,
/// so the selection shows without colour.
enum RoomGrid {
    /// A rise above the resting heart rate, in bpm, from which the number
    /// is bold and alert.
    static let heartRiseAlert = 15.0
    /// A rise from which it is bold and in the distress colour.
    static let heartRiseDistress = 30.0

    /// Draws the grid of dyad `dyad` of `room` into `area` (its first row
    /// is the title).
    static func render(
        _ room: RoomSession, dyad: Int, layout: RoomLayout, in area: Rect, on frame: inout Frame, pen: Pen
    ) {
        let timeline = room.timeline
        let babies = timeline.now.room.babies
        let label = room.scenario.plan.dyads[dyad].label
        let policy = babies[0].dyads[dyad].caregiver.parameters.policy
        let first = layout.firstShown(selected: room.selected)
        let shownCount = min(babies.count - first, layout.columns * layout.visibleRows)
        let titleRow = area.line(0)
        var title = pen.text("\(label) · \(ScreenWords.actionTitle(policy))")
        if shownCount < babies.count {
            // Which babies show matters more than the whole of the
            // caregiver's words: those are shortened first.
            let range = pen.text(" · babies \(first + 1)-\(first + shownCount) of \(babies.count)")
            let room = max(1, titleRow.width - range.count)
            title = pen.glyphs.truncate(title, toWidth: room) + range
        }
        frame.render(TextLine(title, style: Style(foreground: .accent, bold: true), glyphs: pen.glyphs), in: titleRow)
        let cells = area.inset(top: 1, left: 1)
        for index in first..<(first + shownCount) {
            let k = index - first
            let column = cells.column + (k % layout.columns) * layout.stride
            let row = cells.row + (k / layout.columns) * layout.rowPitch
            let cell = Rect(column: column, row: row, width: layout.format.width - 1, height: layout.format.lines)
            draw(
                baby: index, dyad: babies[index].dyads[dyad], format: layout.format, selected: index == room.selected,
                in: cell.intersection(cells), on: &frame, pen: pen)
        }
    }

    /// Draws one baby's cell.
    static func draw(
        baby: Int, dyad: Dyad, format: RoomLayout.CellFormat, selected: Bool, in cell: Rect, on frame: inout Frame, pen: Pen
    ) {
        guard !cell.isEmpty else { return }
        let infant = dyad.infant
        let gaze = gazeMark(infant, glyphs: pen.glyphs)
        let affect = ScreenWords.symbol(infant.affect)
        let affectStyle = Style(foreground: ScreenWords.colour(infant.affect), bold: infant.affect.isNegative)
        let beats = String(min(999, max(0, Int(infant.heartRate.rounded()))))
        let heart = heartStyle(rise: infant.heartRate - dyad.traits.restingHeartRate)
        let step = stepMark(dyad, glyphs: pen.glyphs)
        var x = cell.column
        let row = cell.row
        func put(_ text: String, _ style: Style) {
            x = frame.write(text, column: x, row: row, style: selected ? style.reversed : style, clip: cell)
        }
        if format.isSpaced {
            put(selected ? String(pen.glyphs.arrowRight) : " ", Style(foreground: .accent, bold: true))
            put(String(gaze.0), gaze.1)
            put(" ", .plain)
            put(affect.padding(toLength: 2), affectStyle)
            put(" ", .plain)
            put(beats.leftPadded(to: 3), heart)
            put(" ", .plain)
            put(String(step.0), step.1)
        } else {
            put(String(gaze.0), gaze.1)
            put(affect.padding(toLength: 2), affectStyle)
            put(beats.leftPadded(to: 3), heart)
            put(String(step.0), step.1)
        }
        guard format.lines > 1, cell.height > 1 else { return }
        let second = Rect(column: cell.column, row: cell.row + 1, width: cell.width, height: 1)
        let number = String(baby + 1)
        let end = frame.write(number.leftPadded(to: 3), column: second.column, row: second.row, style: .colour(.muted), clip: second)
        frame.write(
            " " + doing(infant.behavior, gaze: infant.gaze), column: end, row: second.row,
            style: Style(foreground: ScreenWords.colour(infant.affect)), clip: second)
    }

    /// Where the baby looks, as a mark and its colour.
    static func gazeMark(_ infant: InfantState, glyphs: Glyphs) -> (Character, Style) {
        switch infant.gaze {
        case .atCaregiver: (glyphs.dotFilled, .colour(.calm))
        case .away: (glyphs.dotHollow, .colour(infant.behavior == .exploring ? .calm : .alert))
        case .farAway: (farMark(glyphs), Style(foreground: .distress, bold: true))
        }
    }

    /// The mark of a baby turned far away: `·`, or `_` in ASCII (where `.`
    /// is the calm face).
    static func farMark(_ glyphs: Glyphs) -> Character { glyphs == .ascii ? "_" : "·" }

    /// The mark of a pair in step: `─`, or `=` in ASCII (where `-` is the
    /// flat face).
    static func inStepMark(_ glyphs: Glyphs) -> Character { glyphs == .ascii ? "=" : glyphs.horizontal }

    /// The heart rate's style for a rise of `rise` bpm above the baby's own
    /// resting rate: plain, then bold and alert from ``heartRiseAlert``,
    /// bold in the distress colour from ``heartRiseDistress``.
    static func heartStyle(rise: Double) -> Style {
        if rise >= heartRiseDistress { return Style(foreground: .distress, bold: true) }
        if rise >= heartRiseAlert { return Style(foreground: .alert, bold: true) }
        return .plain
    }

    /// Whether the pair is in step, as a mark and its style: in step, out
    /// of step (not yet a rupture), or in a rupture.
    static func stepMark(_ dyad: Dyad, glyphs: Glyphs) -> (Character, Style) {
        if dyad.coordination.inRupture { return ("X", Style(foreground: .distress, bold: true)) }
        if !dyad.isCoordinated { return ("~", .colour(.alert)) }
        return (inStepMark(glyphs), .colour(.calm))
    }

    /// What the baby does, in one short word (at most 7 letters).
    static func doing(_ behavior: Behavior, gaze: Gaze) -> String {
        switch behavior {
        case .engaged: gaze == .atCaregiver ? "looks" : "away"
        case .smiling: "smiles"
        case .cooing: "coos"
        case .bidding: "calls"
        case .lookingAway: gaze == .farAway ? "far off" : "away"
        case .selfSoothing: "thumb"
        case .fussing: "fusses"
        case .crying: "cries"
        case .pushingAway: "pushes"
        case .withdrawn: "quiet"
        case .exploring: "curious"
        }
    }
}

extension String {
    /// The string with spaces in front up to `length` columns.
    func leftPadded(to length: Int) -> String {
        count >= length ? self : String(repeating: " ", count: length - count) + self
    }
}
