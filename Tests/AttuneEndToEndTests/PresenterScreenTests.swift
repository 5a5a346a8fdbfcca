import Foundation
import Testing

@Suite("The presenter layout, driven in tmux", .serialized)
struct PresenterScreenTests {
    @Test("attune present fills a 100 x 30 window in bold, asks the question and hides the key bar until ?")
    func present() throws {
        let pane = try livePane(width: 100, height: 30)
        try pane.run(TmuxPane.attune("present workshop-wait-or-lean-in --speed 4"))
        let asked = try pane.wait(for: "The baby has turned away. What now?", seconds: 20)
        #expect(asked.contains("[w] wait      [i] lean in"))
        #expect(asked.contains("arousal: "))
        #expect(asked.firstMatch(of: /♥ \d+ bpm \(resting 140\)/) != nil, "the heart rate under the gauge")
        #expect(!asked.contains("Space  play"))
        let lines = asked.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.filter { $0.hasPrefix(" [") }.count == 3, "the gauge is three rows tall")
        let escaped = try pane.screen(escapes: true)
        #expect(escaped.contains("\u{1b}[1m"), "the high-contrast look is bold")
        try pane.type("?")
        try pane.wait(for: "Keys: the live screen")
        try pane.type("x")
        try pane.wait(for: "the help closed") { !$0.contains("Keys: the live screen") }
        try pane.type("w")
        try pane.wait(for: "Caregiver · waits, then greets")
        try pane.wait(for: "You chose: wait.")
    }

    @Test("the presenter grows with the window: larger faces at 160 x 45 and 200 x 60 than at 100 x 30, and no band of empty rows")
    func presentGrowsWithTheWindow() throws {
        var faceRows: [Int] = []
        for (width, height) in [(100, 30), (160, 45), (200, 60)] {
            let pane = try livePane(width: width, height: height)
            try pane.run(TmuxPane.attune("present workshop-wait-or-lean-in --paused --bell"))
            let screen = try pane.settled(containing: "Caregiver · waits, then greets")
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            #expect(lines.count >= height)
            // The faces' sides: rows with a `|` above the gauge.
            let gauge = try #require(lines.firstIndex { $0.hasPrefix(" [") }, "the gauge")
            faceRows.append(lines[..<gauge].filter { $0.contains("|") }.count)
            var longest = 0
            var current = 0
            for line in lines.prefix(height) {
                current = line.trimmingCharacters(in: .whitespaces).isEmpty ? current + 1 : 0
                longest = max(longest, current)
            }
            #expect(longest <= 3, "\(width) x \(height): \(longest) empty rows together\n\(screen)")
            try pane.type("q")
        }
        #expect(faceRows[1] > faceRows[0] && faceRows[2] > faceRows[1], "rows with the faces' sides: \(faceRows)")
    }

    @Test("attune run --present needs a scenario")
    func presentNeedsAScenario() throws {
        let result = try AttuneBinary.run(["run", "--present"])
        #expect(result.status != 0)
        #expect(result.standardError.contains("--present shows one scenario"))
    }
}
