import Foundation
import Testing

/// The figure `label` of each phase block of a room's printed figures
/// ("The figures": `Phase "play"` then rows), by phase name.
func roomFigures(_ text: String, label: String) -> [String: Double] {
    var phase: String?
    var values: [String: Double] = [:]
    for line in text.split(separator: "\n") {
        if let match = line.firstMatch(of: /Phase "([^"]+)"/) {
            phase = String(match.1)
        } else if let phase, line.trimmingCharacters(in: .whitespaces).hasPrefix(label),
            let number = line.split(separator: " ").last.flatMap({ Double($0) })
        {
            values[phase] = number
        }
    }
    return values
}

@Suite("The room of babies, driven in tmux", .serialized)
struct RoomScreenTests {
    @Test("attune room still-face shows the grid and its figures; arrows and Enter open one baby, Esc returns")
    func roomAndOneBaby() throws {
        let pane = try livePane(width: 100, height: 30)
        try pane.run(TmuxPane.attune("room still-face"))
        let room = try pane.wait(for: "the room playing") { (clockSeconds($0) ?? 0) >= 2 && $0.contains("A room of 24 babies") }
        #expect(room.contains("Attune · The still face · 24 babies"))
        #expect(room.contains("Caregiver · waits, then greets"))
        #expect(room.firstMatch(of: /looking [█░]+ +\d+%/) != nil)
        #expect(room.contains("heart rate now, bpm"))
        #expect(room.contains("120 140 160 180"), "the histogram's axis")
        #expect(room.contains("X rupture"))
        #expect(room.firstMatch(of: /Now \d+ of 24 looks? at her/) != nil)
        #expect(room.firstMatch(of: /▶[●○·]\s/) != nil, "baby 1 is selected")

        try pane.press("Right", "Right", "Down")
        // Right, Right, Down from baby 1 in five columns: baby 8, reached
        // only once all three keys have been answered.
        let selected = try pane.wait(for: "another baby selected") { $0.firstMatch(of: /Baby (\d+) of 24:/)?.1 == "8" }
        let number = try #require(selected.firstMatch(of: /Baby (\d+) of 24:/)).1
        try pane.press("Enter")
        let baby = try pane.wait(for: "Esc goes back to the room.")
        #expect(baby.contains("Baby \(number) of 24: 4 months old"), "its temperament in words:\n\(baby)")
        #expect(baby.firstMatch(of: /Baby \d+ of 24: 4 months old · [a-z]/) != nil)
        #expect(baby.contains("arousal"))
        #expect(baby.firstMatch(of: /♥ \d+ bpm \(resting \d+\)/) != nil)
        #expect(baby.contains("Esc  room"))
        try pane.press("Escape")
        let back = try pane.wait(for: "Back to the room")
        #expect(back.contains("A room of 24 babies"))
        #expect(back.contains("Baby \(number) of 24:"), "the same baby still selected")

        try pane.resize(width: 70, height: 20)
        let small = try pane.wait(for: "Please make the window larger.")
        #expect(small.contains("Attune needs at least 80 x 24"))
        #expect(small.contains("The run waits until then."))
        try pane.resize(width: 120, height: 36)
        // The frame at the new size: the key bar on the last of 36 rows.
        let tall = try pane.wait(for: "the room at 120 x 36") { screen in
            let rows = screen.split(separator: "\n", omittingEmptySubsequences: false)
            return screen.contains("A room of 24 babies") && rows.count >= 36 && rows[35].contains("choose")
        }
        var band = 0
        var longest = 0
        for row in tall.split(separator: "\n", omittingEmptySubsequences: false).prefix(36) {
            band = row.allSatisfy { $0 == " " } ? band + 1 : 0
            longest = max(longest, band)
        }
        #expect(longest <= 3, "the grid and the figures share the rows; no band of more than 3 empty rows:\n\(tall)")
        try pane.resize(width: 100, height: 30)
        try pane.wait(for: "A room of 24 babies")
        try pane.type("q")
        try pane.wait(for: "What happened in the room")
        try pane.type("q")
        let printed = try pane.wait(for: "What a repair looks like")
        #expect(printed.contains("The figures") || printed.contains("repair"))
    }

    @Test("a finished room's figures are the batch's over the same population and seeds")
    func roomAgreesWithBatch() throws {
        let pane = try livePane(width: 100, height: 70)
        try pane.run(TmuxPane.attune("room still-face --babies 6 --seed 11 --speed 32") + "; echo ROOM-DONE=$?")
        try pane.wait(for: "the room's end", seconds: 40) { $0.contains("What happened in the room") && $0.contains("The room ran 6:00") }
        try pane.type("q")
        // The figures are printed when the screen has closed.
        let printed = try pane.wait(for: "ROOM-DONE=0", seconds: 10)

        let batch = try AttuneBinary.run(["batch", "still-face", "--population", "default", "--runs", "6", "--seed", "11"])
        #expect(batch.status == 0)
        let rows = batch.standardOutput.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let header = try #require(rows.first).map(String.init)
        let phase = try #require(header.firstIndex(of: "phase"))
        for (column, label) in [("gaze_at_caregiver_pct", "Looking at the caregiver, %"), ("mean_hr_bpm", "Mean heart rate, bpm")] {
            let index = try #require(header.firstIndex(of: column))
            let room = roomFigures(printed, label: label)
            #expect(Set(room.keys) == ["play", "still-face", "reunion"], "\(label) in every phase:\n\(printed)")
            for name in ["play", "still-face", "reunion"] {
                let values = rows.dropFirst().filter { $0.count > index && $0[phase] == Substring(name) }.compactMap { Double($0[index]) }
                #expect(values.count == 6)
                let mean = values.reduce(0, +) / Double(values.count)
                let shown = try #require(room[name])
                #expect(abs(shown - mean) <= 0.051, "\(label), \(name): room \(shown), batch \(mean)")
            }
        }
    }

    @Test("a room recorded with --record plays back with attune replay, exports as a cast, and report explains it draws one run")
    func recordAndReplay() throws {
        let file = Scratch.folder.appendingPathComponent("room-\(UUID().uuidString.prefix(6)).jsonl").path
        let pane = try livePane(width: 100, height: 30)
        try pane.run(TmuxPane.attune("room still-face --babies 6 --speed 4 --record \(TmuxPane.quoted(file))"))
        try pane.wait(for: "the room playing") { (clockSeconds($0) ?? 0) >= 3 && $0.contains("A room of 6 babies") }
        try pane.press("Right", "Enter")
        try pane.wait(for: "Baby 2, at the same moment.")
        Thread.sleep(forTimeInterval: 2)
        try pane.press("Escape")
        try pane.wait(for: "Back to the room")
        try pane.type("q")
        try pane.wait(for: "What happened in the room")
        try pane.type("q")
        try pane.wait(for: "What a repair looks like")
        #expect(FileManager.default.fileExists(atPath: file))

        let replayPane = try livePane(width: 100, height: 30)
        try replayPane.run(TmuxPane.attune("replay \(TmuxPane.quoted(file))"))
        let replayed = try replayPane.wait(for: "the room again") { $0.contains("A room of 6 babies") && $0.contains("replay") }
        #expect(replayed.contains("Attune · The still face · 6 babies"))
        try replayPane.wait(for: "Baby 2 of 6: 4 months old", seconds: 20)
        try replayPane.wait(for: "What happened in the room", seconds: 20)

        let cast = file + ".cast"
        let exported = try AttuneBinary.run(["export", file, "--cast", cast])
        #expect(exported.status == 0, "\(exported.standardError)")
        #expect(((try? String(contentsOfFile: cast, encoding: .utf8)) ?? "").contains("A room of 6 babies"))

        let report = try AttuneBinary.run(["report", file, "--svg", file + ".svg"])
        #expect(report.status == 1)
        #expect(report.standardError.contains("this is a room of 6 babies, and a report draws one run"))
        #expect(!FileManager.default.fileExists(atPath: file + ".svg"))
    }
}
