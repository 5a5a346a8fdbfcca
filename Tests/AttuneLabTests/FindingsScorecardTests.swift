import AttuneLab
import Foundation
import Testing

/// `attune findings`: the quick mode holds every finding, and docs/model.md
/// §7 is the full mode's Markdown, word for word.
@Suite("The findings scorecard") struct FindingsScorecardTests {
    /// docs/model.md, found from this file's place in the package.
    static let modelDoc = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/model.md")

    /// The markers around the generated table in docs/model.md.
    static let begin = "<!-- findings: begin (made by `attune findings --format markdown`) -->\n"
    static let end = "<!-- findings: end -->"

    @Test("the quick mode: every finding holds, each with a finite value and a source")
    func quickModeHoldsEveryFinding() throws {
        let results = try Findings.evaluate(.quick)
        #expect(results.count >= 35)
        #expect(Set(results.map(\.id)).count == results.count)
        for r in results {
            #expect(r.passes, "\(r.id) \(r.finding): \(r.value) outside \(r.target)")
            #expect(!r.source.isEmpty && !r.published.isEmpty && !r.measure.isEmpty)
        }
        let text = FindingsReport.text(results, runs: FindingsOptions.quick.runs)
        #expect(text.hasSuffix("\(results.count) of \(results.count) findings hold.\n"))
    }

    @Test("a missed finding says MISS and is counted")
    func aMissIsReported() throws {
        var result = try #require(try Findings.evaluate(.quick, only: ["4a"]).first)
        result.target = 100...200
        #expect(!result.passes)
        let text = FindingsReport.text([result], runs: 40)
        #expect(text.contains("MISS  4a"))
        #expect(text.hasSuffix("0 of 1 findings hold.\n"))
        #expect(FindingsReport.markdown([result], runs: 40).contains("| misses |"))
    }

    @Test("docs/model.md §7 is the full mode's table, as `attune findings --format markdown` prints it")
    func theDocHoldsTheFullTable() throws {
        let doc = try String(contentsOf: Self.modelDoc, encoding: .utf8)
        let start = try #require(doc.range(of: Self.begin), "docs/model.md lacks the findings markers")
        let stop = try #require(doc.range(of: Self.end, range: start.upperBound..<doc.endIndex))
        let inDoc = String(doc[start.upperBound..<stop.lowerBound])
        let results = try Findings.evaluate(.full)
        let made = FindingsReport.markdown(results, runs: FindingsOptions.full.runs)
        #expect(
            inDoc == made,
            "docs/model.md §7 is out of date: replace the table between the markers with `swift run attune findings --format markdown`"
        )
    }
}
