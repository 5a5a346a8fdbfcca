/// The findings as a table for a terminal, and as Markdown for
/// docs/model.md §7.
public enum FindingsReport {
    /// A value with its places, or "—".
    static func number(_ value: Double, _ places: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "—" : (value > 0 ? "∞" : "−∞") }
        return Field.fixed(value, places: places)
    }

    /// The target range in words.
    static func target(_ result: FindingResult) -> String {
        let low = result.target.lowerBound, high = result.target.upperBound
        let big = 99.0
        if high >= big && low > -big { return "≥ " + number(low, result.places) }
        if low <= -big && high < big { return "≤ " + number(high, result.places) }
        return number(low, result.places) + " to " + number(high, result.places)
    }

    /// The value with its interval in brackets.
    static func value(_ result: FindingResult) -> String {
        var text = number(result.value, result.places)
        if let interval = result.interval {
            text += " [" + number(interval.lowerBound, result.places) + ", " + number(interval.upperBound, result.places) + "]"
        }
        return text
    }

    /// A readable table, one finding a block, and a last line counting
    /// passes.
    public static func text(_ results: [FindingResult], runs: Int) -> String {
        var out = "The model's evidence: each finding measured over \(runs) babies of the default population\n"
        out += "(a value is a mean over babies, or Cohen's d, with its 95% interval in brackets).\n\n"
        for r in results {
            out += "\(r.passes ? "pass" : "MISS")  \(r.id)  \(r.finding) (\(r.source))\n"
            out += "      published: \(r.published)\(r.confirmed ? "" : " (approximate)")\n"
            out += "      measured:  \(r.measure)\n"
            out += "      target \(target(r)); model \(value(r))\n"
        }
        let passed = results.filter(\.passes).count
        out += "\n\(passed) of \(results.count) findings hold.\n"
        return out
    }

    /// The same as a Markdown table, for docs/model.md §7.
    public static func markdown(_ results: [FindingResult], runs: Int) -> String {
        var out = "| # | finding | source | published | measured | target | model (95% interval) | verdict |\n"
        out += "|---|---|---|---|---|---|---|---|\n"
        for r in results {
            let published = r.published + (r.confirmed ? "" : " (approximate)")
            let cells = [r.id, r.finding, r.source, published, r.measure, target(r), value(r), r.passes ? "holds" : "misses"]
            out += "| " + cells.map { $0.replacingOccurrences(of: "|", with: "/") }.joined(separator: " | ") + " |\n"
        }
        out += "\n\(results.filter(\.passes).count) of \(results.count) hold, over \(runs) babies a batch.\n"
        return out
    }
}
