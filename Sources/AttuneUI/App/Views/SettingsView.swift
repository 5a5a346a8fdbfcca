import AttuneModel

/// Draws the settings panel (``SettingsPanel``) over the bottom of the live
/// screen, in either layout, with its own key bar: the faces and the words
/// under them stay in view above it, so a change shows as it plays.
///
/// One row per parameter under a heading for the baby and one for each
/// caregiver: its name, its value now, its range with the unit, and what it
/// means. The chosen row is marked with an arrow and its value with
/// ◂ ▸. The last line inside the box is the latest notice (what the last
/// change did) or, without one, the chosen parameter's meaning in full.
enum SettingsView {
    /// One line of the panel's list.
    enum Item: Equatable {
        /// A heading: the baby, or a caregiver.
        case heading(String)
        /// A parameter: its index in ``SettingsPanel/rows(dyads:)``.
        case row(Int)
    }

    /// The list's lines for `session`: each heading, then its rows.
    static func items(_ session: LiveSession) -> [Item] {
        let simulation = session.timeline.now.simulation
        let labels = session.scenario.plan.dyads.map(\.label)
        var items: [Item] = []
        var previous: LiveSetting.Target?
        for (index, row) in SettingsPanel.rows(dyads: session.timeline.dyadCount).enumerated() {
            if row.target != previous {
                switch row.target {
                case .infant:
                    items.append(.heading(labels.count > 1 ? "The baby (every caregiver meets the same baby)" : "The baby"))
                case let .caregiver(dyad):
                    let policy = simulation.dyads[dyad].caregiver.parameters.policy
                    var heading = "\(labels[dyad]) · \(ScreenWords.actionTitle(policy))"
                    if policy == .human { heading += " (these shape her play; you choose what she does)" }
                    items.append(.heading(heading))
                }
                previous = row.target
            }
            items.append(.row(index))
        }
        return items
    }

    /// Rows the panel takes at the bottom of a screen `height` rows high,
    /// its key bar included: at least 10 (six parameters in view at 80 × 24),
    /// at most two fifths of the screen, never more than it needs.
    static func height(screen height: Int, items: Int) -> Int {
        let needed = items + 3 + 1
        return min(needed, max(10, height * 2 / 5))
    }

    static func render(_ session: LiveSession, panel: SettingsPanel, on frame: inout Frame, pen: Pen) {
        let all = items(session)
        let area = frame.bounds.splitBottom(height(screen: frame.height, items: all.count)).bottom
        guard area.height >= 4, area.width >= 20 else { return }
        let (boxArea, barArea) = area.splitBottom(1)
        frame.fill(area)
        let box = Box(
            title: pen.text("Settings · the run goes on from each change"), style: Style(foreground: .accent, bold: true),
            titleStyle: Style(foreground: .accent, bold: true), glyphs: pen.glyphs)
        frame.render(box, in: boxArea)
        let inner = box.inner(boxArea).inset(left: 1, right: 1)
        frame.render(KeyBar(hints: KeyMap.settingsBar(paused: session.isPaused).map { pen.hint($0) }), in: barArea)
        guard inner.height >= 2 else { return }

        let rows = SettingsPanel.rows(dyads: session.timeline.dyadCount)
        let selected = min(max(0, panel.selected), max(0, rows.count - 1))
        let listArea = Rect(column: inner.column, row: inner.row, width: inner.width, height: inner.height - 1)
        let selectedLine = all.firstIndex(of: .row(selected)) ?? 0
        // Scrolled to keep the chosen row in view, with its heading when
        // the heading is the line just above it.
        var first = max(0, selectedLine - listArea.height + 1)
        if selectedLine > 0, case .heading = all[selectedLine - 1], selectedLine - 1 < first { first = selectedLine - 1 }
        first = min(first, max(0, all.count - listArea.height))

        let simulation = session.timeline.now.simulation
        let nameWidth =
            (ParameterCatalog.infant.map(\.key) + ParameterCatalog.caregiver.map(\.key)).map { SettingWords.name($0).count }.max() ?? 12
        let valueWidth = 14
        let rangeWidth = 12
        for (offset, item) in all.dropFirst(first).prefix(listArea.height).enumerated() {
            let line = listArea.line(offset)
            switch item {
            case let .heading(text):
                frame.render(TextLine(pen.text(text), style: Style(bold: true), glyphs: pen.glyphs), in: line)
            case let .row(index):
                let row = rows[index]
                let spec = SettingsPanel.spec(row)
                let isChosen = index == selected
                let value = simulation.value(of: row.target, key: row.key) ?? 0
                let shown = SettingsPanel.format(value, unit: spec.unit)
                let style = isChosen ? Style(bold: true, reverse: true) : Style.plain
                if isChosen { frame.fill(line, with: Cell(" ", style: style)) }
                var x = frame.write(
                    (isChosen ? String(pen.glyphs.arrowRight) : " ") + " " + SettingWords.name(row.key).padding(toLength: nameWidth),
                    column: line.column, row: line.row, style: style, clip: line)
                let valueText = isChosen ? "◂ \(shown) ▸" : "  \(shown)"
                x = frame.write(
                    " " + pen.text(valueText).padding(toLength: valueWidth), column: x, row: line.row, style: style, clip: line)
                x = frame.write(
                    SettingsPanel.range(spec).padding(toLength: rangeWidth), column: x, row: line.row,
                    style: isChosen ? style : .colour(.muted), clip: line)
                frame.render(
                    TextLine(pen.text(spec.meaning), style: isChosen ? style : .colour(.muted), glyphs: pen.glyphs),
                    in: Rect(column: x, row: line.row, width: max(0, line.endColumn - x), height: 1))
            }
        }
        let last = inner.line(inner.height - 1)
        if let notice = session.currentNotice {
            frame.render(
                TextLine(
                    String(pen.glyphs.arrowRight) + " " + pen.text(notice.text), style: Style(foreground: .accent, bold: true),
                    glyphs: pen.glyphs),
                in: last)
        } else if rows.indices.contains(selected) {
            let row = rows[selected]
            let spec = SettingsPanel.spec(row)
            let who = SettingWords.subject(row.target, labels: session.scenario.plan.dyads.map(\.label))
            let text = "\(SettingWords.name(row.key).capitalisedFirst) (\(who)): \(spec.meaning)."
            frame.render(TextLine(pen.text(text), style: .colour(.muted), glyphs: pen.glyphs), in: last)
        }
    }
}
