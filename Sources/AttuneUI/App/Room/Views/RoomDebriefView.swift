/// Draws the debrief of a room: a scrollable page of ``RoomReport``, with
/// the debrief's keys (replay the room, back to it, the scenes, quit).
enum RoomDebriefView {
    /// The page as styled lines for a text `width` columns wide.
    static func lines(_ report: RoomReport, width: Int, pen: Pen) -> [(String, Style)] {
        var lines: [(String, Style)] = []
        for block in report.blocks {
            switch block {
            case let .heading(text):
                lines.append((pen.text(text), Style(bold: true)))
            case let .paragraph(text):
                for line in TextFormatting.wrap(pen.text(text), width: max(1, width - 2)) { lines.append(("  " + line, .plain)) }
            case let .note(text):
                for line in TextFormatting.wrap(pen.text(text), width: max(1, width)) { lines.append((line, .colour(.muted))) }
            case let .table(text):
                lines.append((pen.text("  " + text), .plain))
            case .blank:
                lines.append(("", .plain))
            }
        }
        return lines
    }

    /// The furthest `report`'s page can scroll in a window of `size`.
    static func maximumScroll(_ report: RoomReport, size: Size, ascii: Bool) -> Int {
        let count = lines(report, width: max(1, size.width - 2), pen: Pen(ascii: ascii)).count
        return max(0, count - DebriefView.bodyHeight(size))
    }

    static func render(_ debrief: RoomDebriefState, on frame: inout Frame, pen: Pen) {
        let area = frame.bounds
        let bands = area.rows([.fixed(1), .fill(), .fixed(1)])
        frame.fill(bands[0], with: Cell(" ", style: Style(reverse: true)))
        let all = lines(debrief.report, width: max(1, area.width - 2), pen: pen)
        let scroll = min(max(0, debrief.scroll), max(0, all.count - bands[1].height))
        var placeOnPage = ""
        if all.count > bands[1].height {
            placeOnPage = " lines \(scroll + 1)-\(min(all.count, scroll + bands[1].height)) of \(all.count) "
        }
        let split = bands[0].splitRight(placeOnPage.count)
        frame.render(
            TextLine(
                pen.text(" What happened in the room · \(debrief.report.title)"), style: Style(bold: true, reverse: true),
                glyphs: pen.glyphs),
            in: split.rest)
        frame.render(TextLine(placeOnPage, style: Style(reverse: true), alignment: .right, glyphs: pen.glyphs), in: split.right)
        for (index, line) in all.dropFirst(scroll).prefix(bands[1].height).enumerated() {
            frame.render(TextLine(line.0, style: line.1, glyphs: pen.glyphs), in: bands[1].line(index).inset(left: 1, right: 1))
        }
        DebriefView.keyHint(debrief.keyHint, in: bands[1], on: &frame, pen: pen)
        frame.render(KeyBar(hints: RoomKeys.debriefBar.map { pen.hint($0) }), in: bands[2])
    }
}
