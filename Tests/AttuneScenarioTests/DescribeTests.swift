import Testing

@testable import AttuneScenario

@Suite("describe")
struct DescribeTests {
    @Test("mentions the texts and every parameter in effect")
    func everyParameter() throws {
        let s = try scenario(
            """
            title: Described
            about: A scene to describe.
            seed: 42
            step: 50ms
            infant: { age_months: 7, reactivity: 0.35, soothability: 0.65, trust: 0.45, sociability: 0.55 }
            dyads:
              - label: Steady
                caregiver: { policy: attuned, patience: 9s, sensitivity: 0.91, reaction: 1.3s, anxiety: 0.27, energy: 0.66, contingency: 0.4 }
              - label: Busy
                caregiver: { policy: intrusive }
            phases:
              - { name: warm-up, duration: 45s }
              - { name: quiet, duration: 75s, caregiver: { energy: 0.12 } }
            narration:
              - { at: 3s, text: Three seconds in. }
              - { on: repair, once: true, dyad: Busy, text: A repair. }
            notice: [Notice this.]
            try: [Try that.]
            """, name: "described")
        let text = describe(s)
        for expected in [
            "Described", "A scene to describe.", "Notice this.", "Try that.",
            "step: 0.05s", "seed: 42", "age_months: 7", "reactivity: 0.35", "soothability: 0.65", "trust: 0.45",
            "sociability: 0.55", "Infant (every caregiver meets its own copy of this infant)",
            "1. warm-up: 45s", "2. quiet: 75s", "every caregiver: energy 0.12", "length: 120s",
            "Steady", "Busy", "policy", "patience", "sensitivity", "reaction", "anxiety", "energy", "contingency",
            "at 3s: Three seconds in.", "on repair (once, Busy only): A repair.",
        ] {
            #expect(text.contains(expected), "describe() should mention \(expected)")
        }
        let rows = text.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init) }
        #expect(rows.contains(["warm-up", "attuned", "9s", "0.91", "1.3s", "0.27", "0.66", "0.4"]))
        #expect(rows.contains(["quiet", "attuned", "9s", "0.91", "1.3s", "0.27", "0.12", "0.4"]))
        #expect(rows.contains(["warm-up", "intrusive", "1s", "0.5", "0.5s", "0.6", "0.9", "0.8"]))
        #expect(rows.contains(["quiet", "intrusive", "1s", "0.5", "0.5s", "0.6", "0.12", "0.8"]))
    }

    @Test("shows a spread of babies as its mean ± sd, drawn per run, and the fixed fields as numbers")
    func spread() throws {
        let s = try scenario(
            minimalYAML + """
                infant:
                  age_months: {mean: 6, sd: 1.5}
                  reactivity: {mean: 0.5, sd: 0.15}
                  soothability: {mean: 0.4, sd: 0}
                  trust: 0.6
                """)
        let lines = describe(s).split(separator: "\n").map(String.init)
        #expect(lines.contains("Infant (each run draws its own baby; every caregiver of a run meets the same one)"))
        #expect(lines.contains("  age_months: 6.0 ± 1.5 (drawn per run)"))
        #expect(lines.contains("  reactivity: 0.50 ± 0.15 (drawn per run)"))
        #expect(lines.contains("  soothability: 0.4"))
        #expect(lines.contains("  trust: 0.6"))
        #expect(lines.contains("  sociability: 0.5"))
    }

    @Test("every ready scenario can be described", arguments: ReadyScenarios.orderedNames)
    func ready(name: String) throws {
        let s = try ScenarioLoader.resolve(name)
        let text = describe(s)
        #expect(text.hasPrefix(s.title))
        for phase in s.plan.phases { #expect(text.contains(phase.name)) }
        for dyad in s.plan.dyads { #expect(text.contains(dyad.label)) }
    }
}
