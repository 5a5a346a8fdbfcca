import AttuneModel
import Foundation
import Yams

/// How values are described in messages: numbers bare, text quoted and shortened.
extension ScenarioReader {
    /// A plain decimal number (`30`, `0.5`, `-2`, `1e3`), or `nil`.
    static func decimal(_ text: String) -> Double? {
        guard !text.isEmpty, text.allSatisfy({ "0123456789.+-eE".contains($0) }),
            text.contains(where: { $0.isNumber }), let value = Double(text), value.isFinite
        else { return nil }
        return value
    }

    /// `0,5` written with a point (`0.5`) when that is what was meant.
    static func decimalPoint(for text: String) -> String? {
        guard text.filter({ $0 == "," }).count == 1 else { return nil }
        let pointed = text.replacingOccurrences(of: ",", with: ".")
        return decimal(pointed) != nil || Duration.parse(pointed) != nil ? pointed : nil
    }

    /// What kind of value a node is, in words: `a list`, `empty`, `"high"`.
    static func kind(_ node: Node) -> String {
        switch node {
        case .mapping: return "a set of fields"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar: return YAMLReading.isNull(node) ? "empty" : written(node)
        }
    }

    /// A number as written, cut to 40 characters with "…" (a number of
    /// 100,000 digits is not repeated whole).
    static func shortNumber(_ text: String) -> String {
        text.count > 40 ? String(text.prefix(40)) + "…" : text
    }

    /// A scalar as written: numbers bare, other text in quotes.
    static func written(_ node: Node) -> String {
        guard case let .scalar(scalar) = node else { return kind(node) }
        return quoted(scalar.string.trimmingCharacters(in: .whitespaces))
    }

    /// Text in quotes, at most 40 characters, line breaks shown as spaces
    /// and control characters made visible (numbers bare).
    static func quoted(_ text: String) -> String {
        if decimal(text) != nil { return shortNumber(text) }
        let flat = String(text.prefix(40)).replacingOccurrences(of: "\n", with: " ")
        let more = text.dropFirst(40).isEmpty ? "" : "…"
        return "\"\(MessageText.visible(flat))\(more)\""
    }
}
