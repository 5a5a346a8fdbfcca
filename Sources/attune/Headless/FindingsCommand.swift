import ArgumentParser
import AttuneLab
import Foundation

/// `attune findings`: the model's evidence, finding by finding.
struct FindingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "findings",
        abstract: "Measure every finding of the developmental literature the model must reproduce, and say which hold.",
        discussion: """
            Each row names a finding (docs/model.md §7), its source, what was published, the range the \
            model must land in, and the model's value over a population of babies (the default \
            population around each ready scenario's baby) with its 95% interval. Exits with 1 when any \
            finding misses. --quick uses 40 babies a batch instead of 200.
            """)

    @Flag(help: "Fewer babies a batch (40 instead of 200): quicker, wider intervals.")
    var quick = false

    @Option(help: ArgumentHelp("text (default) or markdown (the table of docs/model.md §7).", valueName: "text|markdown"))
    var format: FindingsFormat = .text

    @Option(
        help: ArgumentHelp(
            "Measure only these findings, by id (for example 4a,8a); all when left out.", valueName: "ids"),
        transform: { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } })
    var only: [String] = []

    @OptionGroup var threads: ThreadOptions

    func validate() throws {
        let known = Set(Findings.ids)
        if let unknown = only.first(where: { !known.contains($0) }) {
            throw ValidationError(
                "There is no finding \"\(unknown)\". The findings are \(Findings.ids.joined(separator: ", ")).")
        }
    }

    func run() throws {
        try reportingFailures {
            var options = quick ? FindingsOptions.quick : FindingsOptions.full
            options.threads = threads.count
            let results = try Findings.evaluate(options, only: only.isEmpty ? nil : Set(only))
            switch format {
            case .text: print(FindingsReport.text(results, runs: options.runs), terminator: "")
            case .markdown: print(FindingsReport.markdown(results, runs: options.runs), terminator: "")
            }
            if results.contains(where: { !$0.passes }) { throw ExitCode.failure }
        }
    }
}

/// The formats `attune findings` writes.
enum FindingsFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case markdown
}
