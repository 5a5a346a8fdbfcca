import Foundation
import Testing

@Suite("Decision points on the live screen, driven in tmux", .serialized)
struct DecisionScreenTests {
    static let scenario = """
        title: Wait or lean in, on screen
        seed: 7
        dyads:
          - label: Caregiver
            caregiver: { policy: attuned }
        duration: 90s
        decisions:
          - on: infant-looks-away
            question: The baby has turned away. What now?
            choices:
              - { key: w, label: wait, caregiver: { policy: attuned } }
              - { key: i, label: lean in, caregiver: { policy: intrusive } }

        """

    @Test("the run stops at the question; a key answers it; W goes back to try the other answer")
    func askAnswerAndWhatIf() throws {
        let folder = try AttuneBinary.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("decision.yaml")
        try Self.scenario.write(to: file, atomically: true, encoding: .utf8)
        let pane = try livePane()
        try pane.run(TmuxPane.attune("run \(TmuxPane.quoted(file.path)) --speed 4"))
        let asked = try pane.wait(for: "The baby has turned away. What now?", seconds: 20)
        #expect(asked.contains("[w] wait   [i] lean in"))
        #expect(asked.contains("YOUR CHOICE"))
        let clock = clockSeconds(asked)
        Thread.sleep(forTimeInterval: 0.6)
        #expect(clockSeconds(try pane.screen()) == clock, "the run waits for the answer")
        try pane.type("i")
        try pane.wait(for: "Caregiver · intrusive")
        try pane.wait(for: "the run going on") { (clockSeconds($0) ?? 0) >= (clock ?? 0) + 4 }
        try pane.type("W")
        let back = try pane.wait(for: "Back to the question at")
        #expect(clockSeconds(back) == clock)
        #expect(back.contains("The baby has turned away. What now?"))
        try pane.type("w")
        try pane.wait(for: "You chose: wait.")
        try pane.wait(for: "the second path going on") { (clockSeconds($0) ?? 0) >= (clock ?? 0) + 4 }
        try pane.type("q")
        let debrief = try pane.wait(for: "The paths you tried")
        #expect(debrief.contains("1: lean in"))
        #expect(debrief.contains("2: wait"))
    }
}
