import AttuneTestSupport
import Foundation
import Testing

/// What the headless commands write, pinned byte for byte to files under
/// `Tests/Pinned/` (see ``Pinned``): traces, batch rows, sweep and days
/// rows and charts, a report's SVG and HTML, and `describe`. Each run is
/// short, so each file stays a few kilobytes.
@Suite("Pinned outputs of the commands", .serialized)
struct PinnedOutputTests {
    /// Runs `attune` and pins its standard output (and, when `error` is
    /// given, its standard error under that name).
    private func pin(
        _ arguments: [String], as name: String, error errorName: String? = nil, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let result = try AttuneBinary.run(arguments)
        try #require(result.status == 0, "\(arguments): \(result.standardError)", sourceLocation: sourceLocation)
        let output = placeless(result.standardOutput)
        #expect(
            Pinned.difference(output, pinned: name) == nil, "\(Pinned.difference(output, pinned: name) ?? "")",
            sourceLocation: sourceLocation)
        if let errorName {
            let error = placeless(result.standardError)
            #expect(
                Pinned.difference(error, pinned: errorName) == nil, "\(Pinned.difference(error, pinned: errorName) ?? "")",
                sourceLocation: sourceLocation)
        }
    }

    /// `text` with the checkout's own folder written as `PACKAGE`, so that a
    /// pinned output does not depend on where the package was cloned.
    private func placeless(_ text: String) -> String {
        text.replacingOccurrences(of: AttuneBinary.packageRoot.path, with: "PACKAGE")
    }

    /// Runs `attune` writing a file at the path it is given, and pins the file.
    private func pinFile(_ arguments: (String) -> [String], as name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let folder = try AttuneBinary.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent(name).path
        let result = try AttuneBinary.run(arguments(path))
        try #require(result.status == 0, "\(result.standardError)", sourceLocation: sourceLocation)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(
            Pinned.difference(text, pinned: name) == nil, "\(Pinned.difference(text, pinned: name) ?? "")", sourceLocation: sourceLocation)
    }

    @Test("trace of scene A, CSV, and of the anxious caregiver, JSON")
    func traces() throws {
        try pin(["trace", "scene-a-waits", "--seed", "3", "--set", "duration=15s"], as: "trace-scene-a-waits.csv")
        try pin(["trace", "anxious", "--seed", "5", "--format", "json", "--set", "duration=4s"], as: "trace-anxious.json")
    }

    @Test("batch rows, CSV and JSON")
    func batch() throws {
        try pin(["batch", "wait-or-chase", "--runs", "3", "--seed", "11"], as: "batch-wait-or-chase.csv")
        try pin(["batch", "still-face", "--runs", "2", "--seed", "4", "--format", "json"], as: "batch-still-face.json")
    }

    @Test("sweep rows, its text chart and its SVG")
    func sweep() throws {
        let base = ["sweep", "scene-a-waits", "--vary", "dyads.0.caregiver.patience=1s,4s", "--runs", "4", "--set", "duration=30s"]
        try pin(base + ["--format", "csv", "--plot", "median_repair_s"], as: "sweep-patience.csv", error: "sweep-patience-chart.txt")
        try pinFile({ base + ["--format", "csv", "--plot", "median_repair_s", "--svg", $0] }, as: "sweep-patience.svg")
    }

    @Test("days rows, and the chart's SVG")
    func days() throws {
        let base = [
            "days", "scene-b-chases", "--days", "6", "--runs", "3", "--switch", "4:dyads.0.caregiver.policy=attuned", "--set",
            "duration=30s",
        ]
        try pin(base + ["--format", "csv"], as: "days-switch.csv")
        try pinFile({ base + ["--format", "csv", "--svg", $0] }, as: "days-switch.svg")
    }

    @Test("a report's SVG and HTML")
    func report() throws {
        let base = ["report", "scene-b-chases", "--seed", "2", "--set", "duration=40s"]
        try pinFile({ base + ["--svg", $0] }, as: "report-scene-b.svg")
        try pinFile({ base + ["--html", $0] }, as: "report-scene-b.html")
    }

    @Test("describe of the still face")
    func describeStillFace() throws {
        try pin(["describe", "still-face"], as: "describe-still-face.txt")
    }
}
