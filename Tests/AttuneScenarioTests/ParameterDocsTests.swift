import AttuneModel
import Foundation
import Testing

@testable import AttuneScenario

/// The parameter tables of docs/model.md and docs/scenarios.md, rendered
/// from the registry (``ParameterCatalog``) in each page's own style. The
/// docs must hold them exactly, so they cannot drift from the code: when a
/// parameter changes, copy the table the failing test prints into the page.
enum ParameterTables {
    /// The page's audience decides how units and ranges are written.
    enum Page {
        /// docs/model.md: `s`, `2…12`, sentences.
        case model
        /// docs/scenarios.md: `duration`, `` `0s` to `120s` ``, phrases.
        case scenarios
    }

    static func meaning(_ text: String, on page: Page) -> String {
        switch page {
        case .model: text.prefix(1).uppercased() + text.dropFirst() + "."
        case .scenarios: text
        }
    }

    static func unit(_ spec: ParameterSpec, on page: Page) -> String {
        switch (spec.unit, page) {
        case (.seconds, .model): "s"
        case (.seconds, .scenarios): "duration"
        case (.months, _): "months"
        case (.share, _): "share"
        }
    }

    static func range(_ spec: ParameterSpec, on page: Page) -> String {
        switch page {
        case .model: "\(Format.number(spec.minimum))…\(Format.number(spec.maximum))"
        case .scenarios:
            spec.isDuration
                ? "`\(Format.seconds(spec.minimum))` to `\(Format.seconds(spec.maximum))`"
                : "\(Format.number(spec.minimum)) to \(Format.number(spec.maximum))"
        }
    }

    static func lines(_ rows: [[String]]) -> String {
        let header = "| " + rows[0].joined(separator: " | ") + " |\n"
        let rule = "|" + String(repeating: "---|", count: rows[0].count) + "\n"
        return header + rule + rows.dropFirst().map { "| " + $0.joined(separator: " | ") + " |\n" }.joined()
    }

    /// The infant's fields: key, meaning, unit, range, default.
    static func infant(on page: Page) -> String {
        lines(
            [[page == .model ? "key" : "field", "meaning", "unit", "range", "default"]]
                + ParameterCatalog.infant.map {
                    [
                        "`\($0.key)`", meaning($0.meaning, on: page), unit($0.spec, on: page), range($0.spec, on: page),
                        Format.number($0.defaultValue),
                    ]
                })
    }

    /// The caregiver's fields: `policy`, then each parameter.
    static func caregiver(on page: Page) -> String {
        let policies = Policy.allCases.map { "`\($0.word)`" }.joined(separator: ", ")
        return lines(
            [
                [page == .model ? "key" : "field", "meaning", "unit", "range"],
                ["`policy`", meaning(ParameterCatalog.policyMeaning, on: page), "word", policies],
            ]
                + ParameterCatalog.caregiver.map {
                    ["`\($0.key)`", meaning($0.meaning, on: page), unit($0.spec, on: page), range($0.spec, on: page)]
                })
    }

    /// docs/model.md's defaults per policy, seconds bare and marked in the
    /// header.
    static func modelDefaults() -> String {
        lines(
            [["policy"] + ParameterCatalog.caregiver.map { $0.isDuration ? "\($0.key) (s)" : $0.key }]
                + Policy.allCases.map { policy in
                    ["`\(policy.word)`"] + ParameterCatalog.caregiver.map { Format.number($0.defaultValue(for: policy)) }
                })
    }

    /// The end of docs/scenarios.md's row for `policy` (after its "what she
    /// does"): each default as a file writes it.
    static func scenariosDefaults(of policy: Policy) -> String {
        " | " + ParameterCatalog.caregiver.map { Format.value($0.defaultValue(for: policy), of: $0.spec) }.joined(separator: " | ") + " |"
    }

    /// The header of docs/scenarios.md's policies table.
    static var scenariosDefaultsHeader: String {
        "| policy | what she does | " + ParameterCatalog.caregiver.map(\.key).joined(separator: " | ") + " |\n"
    }
}

@Suite("The docs' parameter tables say what the registry says")
struct ParameterDocsTests {
    static func page(_ name: String) throws -> String {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/\(name)")
        return try String(contentsOf: url, encoding: .utf8)
    }

    @Test("docs/model.md holds the infant, caregiver and defaults tables")
    func model() throws {
        let text = try Self.page("model.md")
        for table in [ParameterTables.infant(on: .model), ParameterTables.caregiver(on: .model), ParameterTables.modelDefaults()] {
            let holds = text.contains(table)
            #expect(holds, "docs/model.md should hold this table:\n\(table)")
        }
    }

    @Test("docs/scenarios.md holds the infant and caregiver tables, and each policy's defaults")
    func scenarios() throws {
        let text = try Self.page("scenarios.md")
        for table in [ParameterTables.infant(on: .scenarios), ParameterTables.caregiver(on: .scenarios)] {
            let holds = text.contains(table)
            #expect(holds, "docs/scenarios.md should hold this table:\n\(table)")
        }
        let header = ParameterTables.scenariosDefaultsHeader
        let starts = text.contains(header)
        #expect(starts, "docs/scenarios.md's policies table should start:\n\(header)")
        let lines = text.split(separator: "\n").map(String.init)
        for policy in Policy.allCases {
            // Its row in the policies table: policy, what she does, defaults.
            let row = lines.first {
                $0.hasPrefix("| `\(policy.word)` | ") && $0.filter { $0 == "|" }.count == 3 + ParameterCatalog.caregiver.count
            }
            let ending = ParameterTables.scenariosDefaults(of: policy)
            let ends = row?.hasSuffix(ending) == true
            #expect(ends, "docs/scenarios.md's row for \(policy.word) should end with:\n\(ending)")
        }
    }
}
