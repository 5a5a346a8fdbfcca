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
            infant: { age_months: 7, reactivity: 0.35, soothability: 0.65, trust: 0.45 }
            dyads:
              - label: Steady
                caregiver: { policy: attuned, patience: 9s, sensitivity: 0.91, reaction: 1.3s, anxiety: 0.27, energy: 0.66 }
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
            "1. warm-up: 45s", "2. quiet: 75s", "every caregiver: energy 0.12", "length: 120s",
            "Steady", "Busy", "policy", "patience", "sensitivity", "reaction", "anxiety", "energy",
            "at 3s: Three seconds in.", "on repair (once, Busy only): A repair.",
        ] {
            #expect(text.contains(expected), "describe() should mention \(expected)")
        }
        let rows = text.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init) }
        #expect(rows.contains(["warm-up", "attuned", "9s", "0.91", "1.3s", "0.27", "0.66"]))
        #expect(rows.contains(["quiet", "attuned", "9s", "0.91", "1.3s", "0.27", "0.12"]))
        #expect(rows.contains(["warm-up", "intrusive", "1s", "0.5", "0.5s", "0.6", "0.9"]))
        #expect(rows.contains(["quiet", "intrusive", "1s", "0.5", "0.5s", "0.6", "0.12"]))
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
