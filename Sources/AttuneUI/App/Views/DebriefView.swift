/// Draws the debrief: a scrollable page of what happened in the run.
enum DebriefView {
    /// The page as styled lines for a text `width` columns wide.
    static func lines(_ report: DebriefReport, width: Int, pen: Pen) -> [(String, Style)] {
        var lines: [(String, Style)] = []
        func paragraph(_ text: String, style: Style = .plain, indent: Int = 0, hanging: Int = 0) {
            let wrapped = TextFormatting.wrap(pen.text(text), width: max(1, width - indent - hanging))
            for (index, line) in wrapped.enumerated() {
                let pad = String(repeating: " ", count: indent + (index == 0 ? 0 : hanging))
                lines.append((pad + line, style))
            }
        }
        func blank() { lines.append(("", .plain)) }

        let stopped = report.seconds + 1e-9 < report.totalSeconds
        paragraph(
            "The run lasted \(TextFormatting.clock(report.seconds))\(stopped ? " of \(TextFormatting.clock(report.totalSeconds))" : ""), seed \(report.seed). Here is what happened, and what the baby's cues meant.",
            style: .colour(.muted))
        blank()
        for part in report.dyads {
            paragraph("\(part.label) · \(part.policy)", style: Style(foreground: .accent, bold: true))
            paragraph(part.summary, indent: 2)
            blank()
        }
        if !report.changes.isEmpty {
            paragraph(DebriefReport.changesHeading, style: Style(bold: true))
            for change in report.changes { paragraph("- " + change, indent: 2, hanging: 2) }
            blank()
        }
        paragraph("The figures", style: Style(bold: true))
        for line in report.figureTable { lines.append((pen.text("  " + line), .plain)) }
        blank()
        let tables = report.branchTables
        if !tables.isEmpty {
            paragraph("The paths you tried", style: Style(bold: true))
            paragraph(DebriefReport.branchesIntro, indent: 2)
            for table in tables {
                if report.dyads.count > 1 { paragraph(table.label, style: Style(foreground: .accent, bold: true), indent: 2) }
                for line in table.lines { lines.append((pen.text("  " + line), .plain)) }
            }
            blank()
        }
        for part in report.dyads {
            paragraph("Moment by moment: \(part.label)", style: Style(foreground: .accent, bold: true))
            if part.entries.isEmpty {
                paragraph("Nothing to tell yet: the baby stayed with the game and the pair stayed in step.", indent: 2)
            }
            for entry in part.entries {
                let mark = entry.kind == .lookAway ? "~" : "X"
                let style: Style = entry.kind == .lookAway ? .plain : .colour(.muted)
                paragraph("\(mark) \(entry.text)", style: style, indent: 2, hanging: 2)
            }
            blank()
        }
        paragraph("What a repair looks like", style: Style(bold: true))
        var closing = DebriefReport.closing.replacingPrefix("What a repair looks like: ")
        closing = closing.prefix(1).uppercased() + closing.dropFirst()
        paragraph(closing, indent: 2)
        for player in report.players {
            blank()
            paragraph(DebriefReport.playerHeading(player, dyads: report.dyads.count), style: Style(bold: true))
            paragraph(player.summary, indent: 2)
            for line in player.table { lines.append((pen.text("  " + line), .plain)) }
        }
        return lines
    }

    /// Rows of the debrief page visible at once in a window of `size`.
    static func bodyHeight(_ size: Size) -> Int { max(1, size.height - 2) }

    /// The furthest `report`'s page can scroll in a window of `size`.
    static func maximumScroll(_ report: DebriefReport, size: Size, ascii: Bool) -> Int {
        let count = lines(report, width: max(1, size.width - 2), pen: Pen(ascii: ascii)).count
        return max(0, count - bodyHeight(size))
    }

    /// After a key the debrief does not use, what to press instead, in
    /// bold on the last row of the page's `body` (in place of its line).
    static func keyHint(_ hint: String?, in body: Rect, on frame: inout Frame, pen: Pen) {
        guard let hint, body.height > 0 else { return }
        let row = body.line(body.height - 1)
        frame.fill(row, with: Cell(" "))
        let text = pen.glyphs.truncate(pen.text(hint), toWidth: max(1, row.width - 2))
        frame.render(TextLine(text, style: Style(bold: true), glyphs: pen.glyphs), in: row.inset(left: 1, right: 1))
    }

    static func render(_ debrief: DebriefState, on frame: inout Frame, pen: Pen) {
        let area = frame.bounds
        let bands = area.rows([.fixed(1), .fill(), .fixed(1)])
        frame.fill(bands[0], with: Cell(" ", style: Style(reverse: true)))
        let report = debrief.report
        let all = lines(report, width: max(1, area.width - 2), pen: pen)
        let scroll = min(max(0, debrief.scroll), max(0, all.count - bands[1].height))
        var placeOnPage = ""
        if all.count > bands[1].height {
            placeOnPage = " lines \(scroll + 1)-\(min(all.count, scroll + bands[1].height)) of \(all.count) "
        }
        let split = bands[0].splitRight(placeOnPage.count)
        frame.render(
            TextLine(pen.text(" What happened · \(report.title)"), style: Style(bold: true, reverse: true), glyphs: pen.glyphs),
            in: split.rest)
        frame.render(TextLine(placeOnPage, style: Style(reverse: true), alignment: .right, glyphs: pen.glyphs), in: split.right)
        for (index, line) in all.dropFirst(scroll).prefix(bands[1].height).enumerated() {
            frame.render(TextLine(line.0, style: line.1, glyphs: pen.glyphs), in: bands[1].line(index).inset(left: 1, right: 1))
        }
        DebriefView.keyHint(debrief.keyHint, in: bands[1], on: &frame, pen: pen)
        frame.render(KeyBar(hints: KeyMap.debriefBar.map { pen.hint($0) }), in: bands[2])
    }
}

extension String {
    /// The string without `prefix` at its start (unchanged when it does
    /// not start with it).
    func replacingPrefix(_ prefix: String) -> String {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : self
    }
}
