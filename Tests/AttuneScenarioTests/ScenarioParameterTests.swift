import AttuneModel
import Testing

@testable import AttuneScenario

@Suite("Parameters set on a loaded scenario, as a --set would set them")
struct ScenarioParameterTests {
    /// Two dyads and two phases, the second with caregiver settings.
    static let phased = """
        title: Phased
        step: 0.1s
        infant: { age_months: 5 }
        dyads:
          - label: Waits
            caregiver: { policy: attuned, patience: 8s }
          - label: Chases
            caregiver: { policy: intrusive }
        phases:
          - { name: play, duration: 30s }
          - { name: still, duration: 20s, caregiver: { policy: still-face } }

        """

    /// One phase given by its duration, and no infant section.
    static let single = """
        title: Single
        dyads:
          - caregiver: { policy: withdrawn }
        duration: 40s

        """

    /// Every parameter path of `yaml`'s shape, and some that are not
    /// parameters or not in the file.
    static func paths(dyads: Int, phases: Int) -> [String] {
        var paths = ["step", "seed", "title", "duration", "phases.0.duration", "infant", "infant.agee", "dyads.0.caregiver"]
        paths += ParameterCatalog.infant.map { "infant.\($0.key)" }
        let keys = ["policy"] + ParameterCatalog.caregiver.map(\.key) + ["patiense"]
        for key in keys {
            for d in 0...dyads { paths.append("dyads.\(d).caregiver.\(key)") }
            for p in 0...phases { paths.append("phases.\(p).caregiver.\(key)") }
            paths += [
                "dyads.00.caregiver.\(key)", "dyads.-1.caregiver.\(key)", "dyads.+0.caregiver.\(key)",
                "decisions.0.choices.0.caregiver.\(key)",
            ]
        }
        return paths
    }

    /// Values inside and outside the parameters' ranges, of every kind.
    static let values = [
        "0", "1", "0.5", "-0", "1e-9", "1.0000001", "2", "12", "4.5", "13", "-1", "1e3", "+0.5", ".5", "0,5", "0x10",
        "10ms", "0.01s", "1s", "9ms", "2min", "120s", "121s", "0.1s", "5s", "5001ms", "1.5 s", "-1s", "6",
        "attuned", "intrusive", "still-face", "human", "Human", "intrusve", "\"0.5\"", "'2s'", "~", "", "null",
        "[1, 2]", "{a: 1}", "true", ".nan", "1e309", String(repeating: "9", count: 400), "\u{1B}[2J",
    ]

    @Test("a value read at a parameter's path gives exactly the plan the loader gives", arguments: [phased, single])
    func sameAsLoader(yaml: String) throws {
        let base = try scenario(yaml)
        var typed = 0
        for path in Self.paths(dyads: base.plan.dyads.count, phases: base.plan.phases.count) {
            let parameter = ScenarioParameter(path: path, in: base)
            for text in Self.values {
                let loaded = try? ScenarioLoader.load(yaml: yaml, name: "test", overrides: ["\(path)=\(text)"])
                guard let parameter, let value = parameter.value(text) else { continue }
                typed += 1
                var plan = base.plan
                parameter.set(value, in: &plan)
                #expect(loaded?.plan == plan, "\(path)=\(text)")
            }
        }
        #expect(typed > 50)
    }

    @Test("every parameter path the file has is resolved, and in-range values are read")
    func resolved() throws {
        let base = try scenario(Self.phased)
        for d in 0..<2 {
            #expect(ScenarioParameter(path: "dyads.\(d).caregiver.patience", in: base)?.value("3s") == .number(3))
            #expect(ScenarioParameter(path: "phases.\(d).caregiver.policy", in: base)?.value("anxious") == .policy(.anxious))
        }
        for parameter in ParameterCatalog.infant {
            let middle = (parameter.minimum + parameter.maximum) / 2
            let text = Format.value(middle, of: parameter.spec)
            #expect(ScenarioParameter(path: "infant.\(parameter.key)", in: base)?.value(text) == .number(middle))
        }
        for parameter in ParameterCatalog.caregiver {
            let middle = (parameter.minimum + parameter.maximum) / 2
            let text = Format.value(middle, of: parameter.spec)
            #expect(ScenarioParameter(path: "dyads.1.caregiver.\(parameter.key)", in: base)?.value(text) == .number(middle))
            #expect(ScenarioParameter(path: "phases.1.caregiver.\(parameter.key)", in: base)?.value(text) == .number(middle))
        }
        #expect(ScenarioParameter(path: "step", in: base)?.value("50ms") == .number(0.05))
    }

    @Test("paths the file does not have, or that are not parameters, are left to the loader")
    func leftToLoader() throws {
        let single = try scenario(Self.single)
        #expect(ScenarioParameter(path: "phases.0.caregiver.patience", in: single) == nil)
        #expect(ScenarioParameter(path: "dyads.1.caregiver.patience", in: single) == nil)
        #expect(ScenarioParameter(path: "dyads.00.caregiver.patience", in: single) == nil)
        #expect(ScenarioParameter(path: "duration", in: single) == nil)
        #expect(ScenarioParameter(path: "seed", in: single) == nil)
        #expect(ScenarioParameter(path: "infant.agee", in: single) == nil)
        #expect(ScenarioParameter(path: "dyads.0.caregiver.patience", in: single)?.value("121s") == nil)
        #expect(ScenarioParameter(path: "dyads.0.caregiver.patience", in: single)?.value("6") == nil)
        #expect(ScenarioParameter(path: "dyads.0.caregiver.policy", in: single)?.value("intrusve") == nil)
    }
}
