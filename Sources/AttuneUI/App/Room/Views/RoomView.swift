import AttuneModel
import AttuneScenario

/// Draws the room: a header with the scene, the phase, the clock, the
/// speed and the state; one grid of babies per caregiver (the same baby in
/// the same cell of each); the room's figures beside them; a legend; a
/// caption band (a notice, the scene's caption of the moment or its
/// question, and what the room is doing now); and the key bar. With a baby
/// opened, the dyad view of that baby instead (``RoomLensView``).
enum RoomView {
    static func render(_ room: RoomSession, on frame: inout Frame, pen: Pen) {
        if let lens = room.lens {
            RoomLensView.render(lens, room: room, on: &frame, pen: pen)
            return
        }
        let timeline = room.timeline
        let layout = RoomLayout(size: frame.size, babies: timeline.babyCount, dyads: timeline.dyadCount)
        header(room, in: layout.header, on: &frame, pen: pen)
        for d in 0..<timeline.dyadCount {
            RoomGrid.render(room, dyad: d, layout: layout, in: layout.grids[d], on: &frame, pen: pen)
        }
        // The figures of each grid now, made once for the panel and the
        // caption band.
        let nows = (0..<timeline.dyadCount).map { RoomNow(timeline, dyad: $0) }
        RoomFiguresPanel.render(room, nows: nows, in: layout.panel, on: &frame, pen: pen)
        if !layout.legend.isEmpty { legend(in: layout.legend, on: &frame, pen: pen) }
        caption(room, nows: nows, in: layout.caption, on: &frame, pen: pen)
        frame.render(KeyBar(hints: RoomKeys.bar(room).map { pen.hint($0) }), in: layout.keyBar)
    }

    /// The state of play in a word or two.
    static func status(_ room: RoomSession) -> String {
        let timeline = room.timeline
        if timeline.isFinished { return "ended" }
        if timeline.openDecision != nil { return "your choice" }
        if room.isPaused { return timeline.isRewound ? "paused, rewound" : "paused" }
        return timeline.isRewound ? "replaying" : "playing"
    }

    static func header(_ room: RoomSession, in area: Rect, on frame: inout Frame, pen: Pen) {
        let timeline = room.timeline
        let phases = room.scenario.plan.phases
        let phaseIndex = min(timeline.now.room.phaseIndex, phases.count - 1)
        var phase = phases[phaseIndex].name
        if phases.count > 1 { phase = "phase \(phaseIndex + 1)/\(phases.count) \(phase)" }
        var clock = "\(TextFormatting.clock(timeline.seconds)) / \(TextFormatting.clock(timeline.totalSeconds))"
        if timeline.isRewound { clock += " (recorded to \(TextFormatting.clock(timeline.recordedSeconds)))" }
        let right = pen.text(" \(phase)  \(clock)  speed \(TextFormatting.speed(room.speed))  \(status(room).uppercased()) ")
        let split = area.splitRight(min(area.width, right.count))
        frame.fill(area, with: Cell(" ", style: Style(reverse: true)))
        let n = timeline.babyCount
        frame.render(
            TextLine(
                pen.text(" Attune · \(room.scenario.title) · \(n) \(n == 1 ? "baby" : "babies")"),
                style: Style(bold: true, reverse: true), glyphs: pen.glyphs),
            in: split.rest)
        let statusStyle =
            room.isPaused || timeline.isFinished ? Style(foreground: .alert, bold: true, reverse: true) : Style(reverse: true)
        frame.render(TextLine(right, style: statusStyle, alignment: .right, glyphs: pen.glyphs), in: split.right)
    }

    /// What the symbols in a cell mean, item by item: each a list of
    /// (text, style) parts. Every item is as wide in ASCII as in Unicode.
    static func legendItems(_ g: Glyphs) -> [[(String, Style)]] {
        let muted = Style.colour(.muted)
        return [
            [("\(g.dotFilled)", .colour(.calm)), (" at her", muted)],
            [("\(g.dotHollow)", .colour(.alert)), (" away", muted)],
            [(String(RoomGrid.farMark(g)), Style(foreground: .distress, bold: true)), (" far away", muted)],
            [("++ +", .colour(.warm)), (" happy", muted)],
            [(".", .plain), (" calm", muted)],
            [("- --", muted), (" flat", muted)],
            [("! !!", Style(foreground: .alert, bold: true)), (" upset", muted)],
            [("152", Style(bold: true)), (" heart rate", muted)],
            [(String(RoomGrid.inStepMark(g)), .colour(.calm)), (" in step", muted)],
            [("~", .colour(.alert)), (" out of step", muted)],
            [("X", Style(foreground: .distress, bold: true)), (" rupture", muted)],
        ]
    }

    /// The rows the legend takes when flowed over `width` columns.
    static func legendRows(width: Int) -> Int {
        var rows = 1
        var x = 0
        for item in legendItems(.unicode) {
            let itemWidth = item.map(\.0.count).reduce(0, +)
            if x > 0 && x + 2 + itemWidth > width {
                rows += 1
                x = 0
            }
            x += (x > 0 ? 2 : 0) + itemWidth
        }
        return rows
    }

    /// What the symbols in a cell mean, flowed over the legend's rows
    /// (items that do not fit are left out; `?` has them all).
    static func legend(in area: Rect, on frame: inout Frame, pen: Pen) {
        var row = area.row
        var x = area.column
        for item in legendItems(pen.glyphs) {
            let width = item.map(\.0.count).reduce(0, +)
            if x > area.column && x + 2 + width > area.endColumn {
                row += 1
                x = area.column
            }
            guard row < area.endRow, x + width <= area.endColumn else { return }
            if x > area.column { x += 2 }
            for part in item { x = frame.write(pen.text(part.0), column: x, row: row, style: part.1, clip: area) }
        }
    }

    /// The caption band: the open question, or a notice, the scene's
    /// caption of the moment and what the room is doing now.
    static func caption(_ room: RoomSession, nows: [RoomNow], in area: Rect, on frame: inout Frame, pen: Pen) {
        guard !area.isEmpty else { return }
        let timeline = room.timeline
        if let decision = timeline.openDecision, !timeline.isFinished {
            LiveView.question(room.scenario.decisions[decision], notice: room.currentNotice, in: area, on: &frame, pen: pen)
            return
        }
        let width = area.width - 2
        var rows: [(String, Style)] = []
        if let notice = room.currentNotice {
            rows.append(
                (
                    String(pen.glyphs.arrowRight) + " " + pen.glyphs.truncate(pen.text(notice.text), toWidth: width - 2),
                    Style(foreground: .accent, bold: true)
                ))
        }
        if let text = sceneCaption(room) {
            rows.append((pen.glyphs.truncate(pen.text(text), toWidth: width), Style(bold: true)))
        }
        let now = TextFormatting.wrap(pen.text(nowSentence(room, nows: nows)), width: width)
        let spare = max(0, area.height - rows.count)
        for line in now.prefix(max(1, spare)) { rows.append((line, .plain)) }
        for (index, row) in rows.prefix(area.height).enumerated() {
            frame.render(TextLine(row.0, style: row.1, glyphs: pen.glyphs), in: area.line(index).inset(left: 1, right: 1))
        }
    }

    /// The scene's caption for the whole room at this moment: its latest
    /// timed caption (not one about a single dyad) shown for up to 30 s,
    /// or nil.
    static func sceneCaption(_ room: RoomSession) -> String? {
        let now = room.timeline.seconds
        var latest: (Double, String)?
        for cue in room.scenario.narration where cue.dyad == nil {
            guard case let .at(seconds) = cue.trigger, seconds <= now + 1e-9, now - seconds < captionSeconds else { continue }
            if latest == nil || seconds >= latest!.0 { latest = (seconds, cue.text) }
        }
        return latest?.1
    }

    /// How long a timed caption stays, in simulated seconds.
    static let captionSeconds = 30.0

    /// What the room is doing now, in one sentence that counts babies and
    /// fits a line of an 80-column window:
    /// "Now 18 of 24 look at her, 3 smile, 2 upset; 4 pairs in a rupture." With two caregivers, shorter, one part each.
    /// `nows`: the figures of each grid now (``RoomNow``).
    static func nowSentence(_ room: RoomSession, nows: [RoomNow]) -> String {
        let n = room.timeline.babyCount
        func are(_ k: Int, _ one: String, _ many: String) -> String { k == 1 ? "1 \(one)" : "\(k) \(many)" }
        if nows.count == 1, let now = nows.first {
            return "Now \(now.looking) of \(n) \(now.looking == 1 ? "looks" : "look") at her, "
                + "\(are(now.smiling, "smiles", "smile")), \(now.upset) upset; "
                + "\(are(now.inRupture, "pair", "pairs")) in a rupture."
        }
        let parts = nows.enumerated().map { d, now in
            "\(room.scenario.plan.dyads[d].label): \(now.looking) look at her, \(now.upset) upset, "
                + "\(are(now.inRupture, "rupture", "ruptures"))"
        }
        return "Now, of \(n) babies, " + parts.joined(separator: "; ") + "."
    }
}
