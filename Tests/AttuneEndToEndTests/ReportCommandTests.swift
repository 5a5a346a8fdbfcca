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

    @Test("report needs somewhere to write")
    func needsAnOutput() throws {
        let result = try AttuneBinary.run(["report", "wait-or-chase"])
        #expect(result.status == 64)
        #expect(result.standardError.contains("--svg OUT.svg, --html OUT.html, or both"))
    }
}
