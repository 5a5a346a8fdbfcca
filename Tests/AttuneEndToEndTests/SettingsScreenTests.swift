import Foundation
import Testing

@Suite("The settings panel and coaching, driven in tmux", .serialized)
struct SettingsScreenTests {
    @Test("s opens the settings; → makes her more patient, she waits, the debrief says so, and a replay does the same")
    func changeASettingAndReplayIt() throws {
        let folder = try AttuneBinary.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let recording = folder.appendingPathComponent("session.jsonl").path
        let pane = try livePane(width: 120, height: 40)
        try pane.run(
            TmuxPane.attune("run scene-b-chases --seed 3 --paused --record \(TmuxPane.quoted(recording))") + "; echo EXIT=$?")
        let start = try pane.wait(for: "0:00 / 2:00  speed 1x  PAUSED")
        #expect(start.contains("s  settings"), "the key bar shows the settings key")
        try pane.type("s")
        let panel = try pane.settled(containing: "Settings · the run goes on from each change")
        #expect(panel.contains("patience       1 s         0-120 s"))
        #expect(panel.contains("reactivity     0.50        0-1"))
        #expect(panel.contains("↑/↓  choose   ←/→  change   s  close settings"))
        for _ in 0..<5 { try pane.press("Down") }
        try pane.wait(for: "▶ patience     ◂ 1 s ▸")
        for _ in 0..<5 { try pane.press("Right") }
        try pane.wait(for: "You made the caregiver more patient through look-aways (patience from 5 s to 6 s).")
        try pane.wait(for: "▶ patience     ◂ 6 s ▸")
        // The run responds: this caregiver now sits back through a look-away.
        try pane.type("s")
        try pane.type("+++")
        try pane.press("Space")
        try pane.wait(for: "She sits back and waits", seconds: 40)
        try pane.type("q")
        let debrief = try pane.settled(containing: "What you changed")
        #expect(debrief.contains("At 0:00 you made the caregiver more patient through look-aways (patience from 1 s to 6 s)."))
        try pane.type("q")
        try pane.wait(for: "EXIT=0")
        let text = try String(contentsOfFile: recording, encoding: .utf8)
        #expect(text.contains("\"set\":\"dyads.0.caregiver.patience\""))
        #expect(text.components(separatedBy: "\"set\":").count - 1 == 5, "one set line for each press")

        // The replay makes the same change at the same step: the same debrief.
        try pane.run("clear; " + TmuxPane.attune("replay \(TmuxPane.quoted(recording))") + "; echo REPLAY=$?")
        let replayed = try pane.settled(containing: "replay ended · q leaves", seconds: 60)
        #expect(replayed.contains("At 0:00 you made the caregiver more patient through look-aways (patience from 1 s to 6 s)."))
        let strip = { (screen: String) in screen.split(separator: "\n").dropFirst().dropLast().joined(separator: "\n") }
        #expect(strip(replayed) == strip(debrief))
        try pane.type("q")
        try pane.wait(for: "REPLAY=0")
    }

    @Test("in her place the key bar marks what she does and the coach tells the look-away")
    func coaching() throws {
        let pane = try livePane(width: 120, height: 40)
        try pane.run(TmuxPane.attune("run scene-b-chases --seed 1 --speed 4"))
        try pane.wait(for: "PLAYING")
        try pane.type("h")
        let human = try pane.wait(for: "Coach: when the baby looks away")
        #expect(human.contains("1 ▸play"))
        try pane.type("3")
        try pane.wait(for: "3 ▸wait")
        try pane.type("1")
        try pane.wait(for: "1 ▸play")
        // Playing on, the baby turns away: the coach says when, and what she did.
        try pane.wait(for: "Coach: The baby looked away", seconds: 40)
        try pane.type("5")
        try pane.wait(for: "; you leaned in ", seconds: 10)
        try pane.type("q")
        let debrief = try pane.settled(containing: "What happened")
        #expect(debrief.contains("What happened"))
        try pane.press("End")
        let end = try pane.settled(containing: "beside the attuned caregiver")
        #expect(end.contains("attuned caregiver"))
        #expect(end.contains("repairs"))
        try pane.type("q")
    }
}
