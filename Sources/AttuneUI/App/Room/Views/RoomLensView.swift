import AttuneModel
import AttuneScenario

/// Draws one baby of the room in the dyad view, at the room's moment: the
/// live screen's header, a line saying which baby this is and what it is
/// like, one panel per caregiver (faces, words, gauge, heart rate, strip
/// charts of the last minute, figures), the baby's narration (or the
/// room's open question), and a key bar that leads back to the room.
enum RoomLensView {
    static func render(_ lens: RoomLens, room: RoomSession, on frame: inout Frame, pen: Pen) {
        let session = lens.shown(in: room)
        let area = frame.bounds
        let narration = LiveView.narrationRows(height: area.height)
        let bands = area.rows([.fixed(1), .fixed(1), .fill(), .fixed(narration), .fixed(1)])
        LiveView.header(session, in: bands[0], on: &frame, pen: pen)
        babyLine(room.babyLine(lens.baby), in: bands[1], on: &frame, pen: pen)
        let count = session.timeline.dyadCount
        let columns = bands[2].columns(Array(repeating: .fill(), count: max(1, count)))
        for d in 0..<count {
            DyadPanel.render(
                session: session, dyad: d, selected: count > 1 && d == session.selectedDyad, in: columns[d], on: &frame, pen: pen)
        }
        if let decision = room.timeline.openDecision, !room.timeline.isFinished {
            LiveView.question(room.scenario.decisions[decision], notice: room.currentNotice, in: bands[3], on: &frame, pen: pen)
        } else {
            LiveView.narrationLines(session, in: bands[3], on: &frame, pen: pen)
        }
        frame.render(KeyBar(hints: RoomKeys.bar(room).map { pen.hint($0) }), in: bands[4])
    }

    /// "Baby 7 of 24: 4 months old · easily stirred, slow to settle", with
    /// "Baby 7 of 24:" in bold.
    static func babyLine(_ text: String, in area: Rect, on frame: inout Frame, pen: Pen) {
        guard !area.isEmpty else { return }
        let line = area.inset(left: 1, right: 1)
        let shown = pen.glyphs.truncate(pen.text(text), toWidth: line.width)
        let head = shown.prefix(while: { $0 != ":" }).count + 1
        let end = frame.write(String(shown.prefix(head)), column: line.column, row: line.row, style: Style(bold: true), clip: line)
        frame.write(String(shown.dropFirst(head)), column: end, row: line.row, clip: line)
    }
}
