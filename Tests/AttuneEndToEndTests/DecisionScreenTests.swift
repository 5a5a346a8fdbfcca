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
        try pane.wait(for: "Caregiver · leans in")
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

@Suite("Keys that must not make the screen untrue, driven in tmux", .serialized)
struct KeyHonestyScreenTests {
    @Test("stray keys after the end leave the debrief as it was: b, 5, q never make it 'you, at the keyboard'; unknown keys get a hint")
    func strayKeysAfterTheEnd() throws {
        let pane = try livePane()
        try pane.run(TmuxPane.attune("run scene-a-waits --speed 32"))
        let first = try pane.wait(for: "What happened", seconds: 30)
        #expect(first.contains("Waits · waits through look-aways"))
        try pane.type("b")
        try pane.wait(for: "ENDED")
        try pane.type("5")
        try pane.wait(for: "The run has ended. Press")
        try pane.type("q")
        let again = try pane.wait(for: "What happened")
        #expect(again.contains("Waits · waits through look-aways"))
        #expect(!again.contains("at the keyboard"))
        // A key the debrief and the chooser do not use gets a hint there too.
        try pane.type("5")
        let hinted = try pane.wait(for: "5 does nothing here. Press ? for the keys.")
        #expect(hinted.contains("What happened"))
        try pane.type("s")
        try pane.wait(for: "Choose a scene with")
        try pane.type("z")
        try pane.wait(for: "z does nothing here. Press ? for the keys.")
    }

    @Test("with Caps Lock on, I answers the question; ? pauses and says so; an unknown key gets a hint")
    func capsLockHelpAndUnknownKeys() throws {
        let pane = try livePane()
        try pane.run(TmuxPane.attune("run workshop-wait-or-lean-in --speed 4"))
        try pane.wait(for: "PLAYING", seconds: 20)
        try pane.type("?")
        let help = try pane.wait(for: "Keys: the live screen")
        #expect(help.contains("PAUSED"))
        #expect(!help.contains("PLAYING"))
        try pane.type("x")
        try pane.wait(for: "PLAYING")
        try pane.wait(for: "The baby has turned away. What now?", seconds: 30)
        try pane.type("z")
        try pane.wait(for: "Choose an answer to go on")
        try pane.type("I")
        try pane.wait(for: "You chose: lean in.")
        try pane.wait(for: "Caregiver · leans in")
        try pane.type("Z")
        try pane.wait(for: "Z does nothing here. Press ? for the keys.")
    }
}
