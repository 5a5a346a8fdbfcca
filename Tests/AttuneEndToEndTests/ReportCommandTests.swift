import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("attune report")
struct ReportCommandTests {
    @Test("a scenario's run as SVG and as an HTML page")
    func scenarioReport() throws {
        let folder = try AttuneBinary.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let svg = folder.appendingPathComponent("run.svg").path
        let html = folder.appendingPathComponent("run.html").path
        let result = try AttuneBinary.run(["report", "wait-or-chase", "--seed", "3", "--svg", svg, "--html", html])
        #expect(result.status == 0, "\(result.standardError)")
        let data = try #require(FileManager.default.contents(atPath: svg))
        #expect(XMLParser(data: data).parse(), "well-formed SVG")
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("One run, side by side, 2:00 of 2:00, seed 3"))
        #expect(text.contains("id=\"arousal-1\""))
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(page.contains("<svg") && page.contains("<caption>The figures</caption>"))
    }

    @Test("report --population draws the run's baby; a recording keeps its own")
    func population() throws {
        let folder = try AttuneBinary.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        func picture(_ extra: [String]) throws -> String {
            let svg = folder.appendingPathComponent("run.svg").path
            let result = try AttuneBinary.run(["report", "scene-a-waits", "--seed", "2", "--set", "duration=30s", "--svg", svg] + extra)
            #expect(result.status == 0, "\(result.standardError)")
            return try String(contentsOfFile: svg, encoding: .utf8)
        }
        let plain = try picture([])
        #expect(try picture(["--population", "none"]) == plain)
        let drawn = try picture(["--population", "default"])
        #expect(drawn != plain)
        #expect(try picture(["--population", "default"]) == drawn)
        let refused = try AttuneBinary.run(["report", "scene-a-waits", "--population", "maybe", "--svg", "x.svg"])
        #expect(refused.status == 64)
    }

    @Test("report SCENARIO --answer chooses the path; a wrong key names the question and its keys")
    func answers() throws {
        let folder = try AttuneBinary.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let svg = folder.appendingPathComponent("answered.svg").path
        let html = folder.appendingPathComponent("answered.html").path
        let leanIn = try AttuneBinary.run(["report", "workshop-wait-or-lean-in", "--answer", "i", "--svg", svg, "--html", html])
        #expect(leanIn.status == 0, "\(leanIn.standardError)")
        let picture = try String(contentsOfFile: svg, encoding: .utf8)
        #expect(picture.contains("One run, 2:00 of 2:00, seed 7; answers: lean in"))
        #expect(picture.contains("viewBox=\"0 0 1920 1080\""))
        #expect(picture.contains("<title>leans in</title>"))
        let wait = try AttuneBinary.run(["report", "workshop-wait-or-lean-in", "--answer", "W", "--svg", svg])
        #expect(wait.status == 0, "\(wait.standardError)")
        let waited = try String(contentsOfFile: svg, encoding: .utf8)
        #expect(waited.contains("answers: wait") && !waited.contains("<title>leans in</title>"))

        let wrong = try AttuneBinary.run(["report", "workshop-still-face", "--answer", "g", "--answer", "x", "--svg", svg])
        #expect(wrong.status == 1)
        #expect(
            wrong.standardError
                == "workshop-still-face: --answer x does not answer question 2 (\"Her face has been still for 45 seconds, and the baby has been asking her to come back. What now?\"); its keys are k (keep the still face) or e (end it and soothe).\n"
        )
        let tooMany = try AttuneBinary.run(["report", "workshop-wait-or-lean-in", "--answer", "w", "--answer", "i", "--svg", svg])
        #expect(tooMany.status == 1)
        #expect(tooMany.standardError.contains("--answer was given 2 times, but this scenario asks one question"))
        let none = try AttuneBinary.run(["report", "scene-a-waits", "--answer", "w", "--svg", svg])
        #expect(none.status == 1)
        #expect(none.standardError.contains("this scenario asks no questions"))
    }

    @Test("report of a recording with two paths: one row per path, one time axis, the paths table, one 16:9 slide")
    func twoPaths() throws {
        let folder = try AttuneBinary.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let recording = folder.appendingPathComponent("two-paths.jsonl").path
        let pane = try livePane(width: 120, height: 40)
        try pane.run(
            TmuxPane.attune("run workshop-wait-or-lean-in --speed 32 --record \(TmuxPane.quoted(recording))") + "; echo EXIT=$?")
        try pane.wait(for: "The baby has turned away. What now?", seconds: 20)
        try pane.type("i")
        try pane.wait(for: "What happened", seconds: 30)
        try pane.type("b")
        try pane.type("W")
        try pane.wait(for: "Back to the question at", seconds: 10)
        try pane.type("w")
        let debrief = try pane.settled(containing: "What happened", seconds: 30)
        #expect(debrief.contains("1: lean in     2: wait"))
        try pane.type("q")
        try pane.type("q")
        try pane.wait(for: "EXIT=0", seconds: 10)

        let svg = folder.appendingPathComponent("two-paths.svg").path
        let html = folder.appendingPathComponent("two-paths.html").path
        let report = try AttuneBinary.run(["report", recording, "--svg", svg, "--html", html])
        #expect(report.status == 0, "\(report.standardError)")
        let data = try #require(FileManager.default.contents(atPath: svg))
        #expect(XMLParser(data: data).parse(), "well-formed SVG")
        let picture = String(decoding: data, as: UTF8.self)
        #expect(picture.contains("viewBox=\"0 0 1920 1080\""))
        #expect(picture.contains("2 paths tried, one row each, on one time axis; seed 7"))
        #expect(picture.contains(">Path 1: lean in</text>") && picture.contains(">Path 2: wait</text>"))
        #expect(picture.contains("id=\"dyad-1\"") && !picture.contains("id=\"dyad-2\""))
        #expect(picture.contains(">The paths you tried</text>"))
        let sizes = picture.matches(of: /font-size="([0-9.]+)"/).compactMap { Double($0.1) }
        #expect(!sizes.isEmpty && sizes.allSatisfy { $0 >= 24 })
        // The page's table holds the same figures as the debrief's.
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(page.contains("<caption>The paths you tried</caption>"))
        #expect(page.contains("<th scope=\"col\">path 1: lean in</th><th scope=\"col\">path 2: wait</th>"))
        let lines = debrief.split(separator: "\n")
        let paths = try #require(lines.firstIndex { $0.contains("The paths you tried") })
        let compared = lines[paths...].filter {
            $0.contains("look-aways") || $0.contains("trust at the end") || $0.contains("time in distress")
        }
        #expect(compared.count == 3)
        for line in compared {
            // Columns are set apart by two spaces or more; a value may hold one ("24 s").
            let columns = line.split(separator: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            let cells = columns.suffix(2).map { "<td>\($0)</td>" }.joined()
            #expect(page.contains(cells + "</tr>"), "\(line)")
        }
        let refused = try AttuneBinary.run(["report", recording, "--answer", "w", "--svg", svg])
        #expect(refused.status == 1)
        #expect(refused.standardError.contains("a recording keeps the answers given while it was made"))
    }

    @Test("report needs somewhere to write")
    func needsAnOutput() throws {
        let result = try AttuneBinary.run(["report", "wait-or-chase"])
        #expect(result.status == 64)
        #expect(result.standardError.contains("--svg OUT.svg, --html OUT.html, or both"))
    }
}
