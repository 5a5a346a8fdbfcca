import AttuneModel
import AttuneScenario

/// Draws the chooser: the ready scenes in a list, and under it what the
/// selected one is about, what to notice and what to try.
enum ChooserView {
    static func render(_ chooser: ChooserState, on frame: inout Frame, pen: Pen) {
        let area = frame.bounds
        let bands = area.rows([.fixed(1), .fixed(2), .fill(), .fixed(1)])
        frame.fill(bands[0], with: Cell(" ", style: Style(reverse: true)))
        frame.render(
            TextLine(
                pen.text(" Attune · a baby and a caregiver, face to face"), style: Style(bold: true, reverse: true), glyphs: pen.glyphs),
            in: bands[0])
        // After a key the chooser does not use, what to press instead
        // takes the place of the instruction, in bold.
        let instruction = chooser.keyHint ?? "Choose a scene with ↑ and ↓ (or k and j), then press Enter to watch it."
        frame.render(
            TextLine(
                pen.glyphs.truncate(pen.text(instruction), toWidth: max(1, area.width - 2)), style: Style(bold: chooser.keyHint != nil),
                glyphs: pen.glyphs),
            in: bands[1].inset(top: 1, left: 1, right: 1))
        frame.render(KeyBar(hints: KeyMap.chooserBar.map { pen.hint($0) }), in: bands[3])

        let body = bands[2]
        if chooser.isLoading {
            frame.render(CentredMessage(pen.text("Loading the scenes…"), glyphs: pen.glyphs), in: body)
            return
        }
        guard !chooser.scenarios.isEmpty else {
            frame.render(
                CentredMessage(lines: ["No ready scenes were found.", "Press q to quit."], glyphs: pen.glyphs), in: body)
            return
        }
        let listHeight = min(chooser.scenarios.count, max(3, body.height / 2 - 2)) + 2
        let (listArea, detailArea) = body.splitTop(listHeight)
        let listBox = Box(title: "Scenes", glyphs: pen.glyphs)
        frame.render(listBox, in: listArea)
        let nameWidth = chooser.scenarios.map(\.name.count).max() ?? 0
        let items = chooser.scenarios.map { scenario in
            pen.text(scenario.name.padding(toLength: nameWidth) + "  " + scenario.title)
        }
        frame.render(
            SelectableList(items: items, selectedIndex: chooser.selected, glyphs: pen.glyphs),
            in: listBox.inner(listArea).inset(left: 1, right: 1))

        let scenario = chooser.scenarios[min(chooser.selected, chooser.scenarios.count - 1)]
        let detailBox = Box(
            title: pen.text(scenario.title), style: .colour(.accent), titleStyle: Style(foreground: .accent, bold: true), glyphs: pen.glyphs
        )
        frame.render(detailBox, in: detailArea)
        let inner = detailBox.inner(detailArea).inset(left: 1, right: 1)
        var lines: [(String, Style)] = []
        func paragraph(_ text: String, style: Style = .plain, bullet: Bool = false) {
            let wrapped = TextFormatting.wrap(pen.text(text), width: max(1, inner.width - (bullet ? 2 : 0)))
            for (index, line) in wrapped.enumerated() {
                lines.append(((bullet ? (index == 0 ? "- " : "  ") : "") + line, style))
            }
        }
        if !scenario.about.isEmpty { paragraph(scenario.about) }
        paragraph(summary(scenario), style: .colour(.muted))
        if let tooLong = Timeline.tooLong(scenario) {
            lines.append(("", .plain))
            paragraph("It can't be opened here: " + tooLong, style: Style(foreground: .alert, bold: true))
        }
        if !scenario.notice.isEmpty {
            lines.append(("", .plain))
            lines.append((pen.text("Things to notice"), Style(bold: true)))
            for item in scenario.notice { paragraph(item, bullet: true) }
        }
        if !scenario.tryThis.isEmpty {
            lines.append(("", .plain))
            lines.append((pen.text("Things to try afterwards"), Style(bold: true)))
            for item in scenario.tryThis { paragraph(item, bullet: true) }
            if scenario.tryThis.contains(where: { $0.contains(Self.settingsTry) }) { paragraph(Self.settingsHow, style: .colour(.muted)) }
        }
        for (index, line) in lines.prefix(inner.height).enumerated() {
            frame.render(TextLine(line.0, style: line.1, glyphs: pen.glyphs), in: inner.line(index))
        }
    }

    /// How a thing to try names a change made in the settings panel:
    /// "press s, then patience to 4 s" (the ready scenarios' `try` lists).
    static let settingsTry = "press s, then "

    /// Under things to try that use the settings panel: how to use it.
    static let settingsHow =
        "In the run, s opens the settings: ↑ and ↓ choose one, ← and → change it, and the run goes on from that moment (← after closing them goes back, as always)."

    /// Who is in the scene, how long it lasts and how many questions it
    /// asks, in one line.
    static func summary(_ scenario: Scenario) -> String {
        let plan = scenario.plan
        let caregivers = plan.dyads.indices.map { d in
            "\(plan.dyads[d].label) (\(ScreenWords.policyName(plan.caregiver(dyad: d, phase: 0).policy)))"
        }
        let who =
            caregivers.count == 1
            ? "One caregiver: \(caregivers[0])."
            : "\(caregivers.count) caregivers side by side: \(caregivers.joined(separator: ", "))."
        let phases = plan.phases.count > 1 ? " Phases: \(plan.phases.map(\.name).joined(separator: ", "))." : ""
        let count = scenario.decisions.count
        let questions = count == 0 ? "" : count == 1 ? " Stops once to ask what she does." : " Stops \(count) times to ask what she does."
        return "\(who)\(phases) Lasts \(TextFormatting.clock(plan.totalSeconds)).\(questions)"
    }
}
