import AttuneModel
import AttuneScenario
import Testing

@testable import AttuneLab

/// The messages a `--vary` is refused with.
private func refusal(_ text: String) -> String {
    do {
        _ = try VariedField.parse(text)
        return "accepted"
    } catch {
        return error.description
    }
}

@Suite("Sweep grids: reading --vary")
struct SweepGridTests {
    @Test("a duration range gives every step from the start to the end, in the range's unit")
    func durationRange() throws {
        let field = try VariedField.parse("dyads.0.caregiver.patience=0s..10s:1s")
        #expect(field.path == "dyads.0.caregiver.patience")
        #expect(field.kind == .duration)
        #expect(field.values.map(\.text) == (0...10).map { "\($0)s" })
        #expect(field.values.map(\.number) == (0...10).map { Double($0) })
        #expect(field.column == "dyads.0.caregiver.patience_s")
        #expect(field.override(field.values[3]) == "dyads.0.caregiver.patience=3s")
    }

    @Test("a number range keeps the decimals it was written with and stops at the end")
    func numberRange() throws {
        let field = try VariedField.parse("infant.reactivity=0.1..0.9:0.2")
        #expect(field.kind == .number)
        #expect(field.values.map(\.text) == ["0.1", "0.3", "0.5", "0.7", "0.9"])
        let uneven = try VariedField.parse("infant.age_months=2..12:3")
        #expect(uneven.values.map(\.text) == ["2", "5", "8", "11"])
    }

    @Test("a range mixing duration units is given in seconds")
    func mixedDurationUnits() throws {
        let field = try VariedField.parse("dyads.0.caregiver.reaction=500ms..2s:500ms")
        #expect(field.values.map(\.text) == ["0.5s", "1s", "1.5s", "2s"])
        let minutes = try VariedField.parse("duration=1min..3min:1min")
        #expect(minutes.values.map(\.text) == ["1min", "2min", "3min"])
        #expect(minutes.values.map(\.number) == [60, 120, 180])
    }

    @Test("a list of words keeps its order and has no numbers")
    func wordList() throws {
        let field = try VariedField.parse("dyads.0.caregiver.policy=attuned,intrusive, good-enough")
        #expect(field.kind == .word)
        #expect(field.values.map(\.text) == ["attuned", "intrusive", "good-enough"])
        #expect(field.values.allSatisfy { $0.number == nil })
        #expect(field.column == "dyads.0.caregiver.policy")
    }

    @Test("a list of durations has their seconds")
    func durationList() throws {
        let field = try VariedField.parse("dyads.0.caregiver.patience=2s,500ms,1min")
        #expect(field.kind == .duration)
        #expect(field.values.map(\.number) == [2, 0.5, 60])
    }

    @Test("a range that runs backwards is refused with the order to write")
    func backwards() {
        #expect(
            refusal("dyads.0.caregiver.patience=10s..0s:1s")
                == "--vary dyads.0.caregiver.patience=10s..0s:1s: the range runs backwards; write the smaller value first (0s..10s:1s)")
    }

    @Test("a step of zero or below is refused")
    func stepZero() {
        #expect(refusal("dyads.0.caregiver.patience=0s..10s:0s").contains("the step is 0"))
        #expect(refusal("infant.reactivity=0..1:-0.1").contains("the step must be above 0"))
    }

    @Test("a range mixing a plain number and a duration is refused")
    func mixingUnits() {
        let message = refusal("dyads.0.caregiver.patience=0..10s:1s")
        #expect(message.hasPrefix("--vary dyads.0.caregiver.patience=0..10s:1s: the range mixes units"))
        #expect(message.contains("0s..10s:1s"))
        #expect(refusal("dyads.0.caregiver.patience=1s,2").contains("the list mixes units"))
    }

    @Test("a range without a step, or with a part that is not a number, says how to write it")
    func malformed() {
        #expect(refusal("dyads.0.caregiver.patience=0s..10s").contains("write the step after a colon, like 0s..10s:1s"))
        #expect(refusal("infant.age_months=2..x:1").contains("the end \"x\" is not a number or a duration"))
        #expect(refusal("infant.age_months").contains("write it as PATH=FROM..TO:STEP"))
        #expect(refusal("infant..age=1,2").contains("is not a path"))
        #expect(refusal("infant.age_months=").contains("there are no values"))
        #expect(refusal("infant.age_months=2..4:1,6").contains("either a range"))
        #expect(refusal("dyads.0.caregiver.policy=attuned,,intrusive").contains("empty value"))
    }

    @Test("a value given twice is refused, even in another unit")
    func duplicates() {
        #expect(refusal("dyads.0.caregiver.policy=attuned,attuned").contains("the list has attuned twice"))
        #expect(refusal("dyads.0.caregiver.patience=1s,1000ms").contains("1s and 1000ms are the same value"))
    }

    @Test("one field may have at most 10,000 values")
    func tooManyValues() throws {
        #expect(try VariedField.parse("infant.reactivity=0..0.9999:0.0001").values.count == 10_000)
        #expect(refusal("infant.reactivity=0..1:0.0001").contains("the range has 10,001 values; one --vary may have at most 10,000"))
        #expect(refusal("infant.reactivity=0..1:0.0000000001").contains("the range has"))
    }

    @Test("the grid is every combination, the first field changing slowest")
    func gridOrder() throws {
        let grid = try SweepGrid(fields: [
            try VariedField.parse("infant.age_months=2,4"),
            try VariedField.parse("dyads.0.caregiver.policy=attuned,intrusive,withdrawn"),
        ])
        #expect(grid.pointCount == 6)
        #expect(grid.overrides(ofPoint: 0) == ["infant.age_months=2", "dyads.0.caregiver.policy=attuned"])
        #expect(grid.overrides(ofPoint: 2) == ["infant.age_months=2", "dyads.0.caregiver.policy=withdrawn"])
        #expect(grid.overrides(ofPoint: 3) == ["infant.age_months=4", "dyads.0.caregiver.policy=attuned"])
        #expect(grid.valueIndices(ofPoint: 5) == [1, 2])
    }

    @Test("a grid of more than 10,000 points is refused with its size")
    func tooManyPoints() throws {
        let fields = [
            try VariedField.parse("infant.age_months=2..12:0.01"),
            try VariedField.parse("dyads.0.caregiver.patience=0s..10s:1s"),
        ]
        #expect(
            throws: ExperimentErrors(
                "the sweep has 1001 × 11 = 11,011 grid points; at most 10,000 are allowed. Use larger steps or fewer values")
        ) {
            try SweepGrid(fields: fields)
        }
    }

    @Test("a field varied twice, or no field at all, is refused")
    func gridMistakes() throws {
        let field = try VariedField.parse("infant.age_months=2,4")
        #expect(throws: ExperimentErrors.self) { try SweepGrid(fields: [field, field]) }
        #expect(throws: ExperimentErrors.self) { try SweepGrid(fields: []) }
    }

    @Test("short names are the last part of the path unless two fields share it")
    func shortNames() throws {
        let a = try VariedField.parse("dyads.0.caregiver.patience=1s,2s")
        let b = try VariedField.parse("dyads.1.caregiver.patience=1s,2s")
        let c = try VariedField.parse("infant.age_months=2,4")
        #expect(c.shortName(among: [a, c]) == "age_months")
        #expect(a.shortName(among: [a, c]) == "patience")
        #expect(a.shortName(among: [a, b]) == "dyads.0.caregiver.patience")
    }
}

@Suite("Sweep grids: checking every point through the scenario loader")
struct SweepPlanTests {
    @Test("every grid point becomes a plan with its values")
    func plansCarryValues() throws {
        let (grid, plans) = try ExperimentFixtures.plans(
            ExperimentFixtures.waits, vary: ["dyads.0.caregiver.patience=1s..3s:1s", "infant.age_months=4,8"])
        #expect(plans.count == grid.pointCount)
        #expect(plans.map { $0.caregiver(dyad: 0, phase: 0).patienceSeconds } == [1, 1, 2, 2, 3, 3])
        #expect(plans.map(\.infant.ageMonths) == [4, 8, 4, 8, 4, 8])
    }

    @Test("a value out of range is named by its --vary, with the loader's own words")
    func outOfRange() throws {
        #expect(
            throws: ExperimentErrors([
                "--vary dyads.0.caregiver.patience=100s..130s:10s: dyads.0.caregiver.patience is 130s; it must be between 0s and 120s"
            ])
        ) {
            try ExperimentFixtures.plans(ExperimentFixtures.waits, vary: ["dyads.0.caregiver.patience=100s..130s:10s"])
        }
    }

    @Test("a wrong path is reported once, as --set would report it")
    func wrongPath() throws {
        #expect(
            throws: ExperimentErrors([
                "--vary dyads.0.caregiver.patiense=1s,2s,3s: dyads.0.caregiver has no field called \"patiense\"; did you mean \"patience\"?"
            ])
        ) {
            try ExperimentFixtures.plans(ExperimentFixtures.waits, vary: ["dyads.0.caregiver.patiense=1s,2s,3s"])
        }
    }

    @Test("many bad values are summed up after the first three")
    func manyBadValues() throws {
        do {
            _ = try ExperimentFixtures.plans(ExperimentFixtures.waits, vary: ["infant.age_months=13..20:1"])
            Issue.record("expected a refusal")
        } catch let error as ExperimentErrors {
            #expect(error.messages.count == 4)
            #expect(error.messages[3] == "--vary infant.age_months=13..20:1: …and 5 more values have problems like these")
        }
    }

    @Test("a field both set and varied is refused")
    func setAndVaried() throws {
        #expect(throws: ExperimentErrors.self) {
            try ExperimentFixtures.plans(
                ExperimentFixtures.waits, vary: ["infant.age_months=4,8"], set: ["infant.age_months=6"])
        }
    }

    @Test("the seed cannot be varied: the sweep gives the seeds")
    func seedNotVaried() throws {
        #expect(throws: ExperimentErrors.self) {
            try ExperimentFixtures.plans(ExperimentFixtures.waits, vary: ["seed=1..5:1"])
        }
    }

    @Test("a grid point that hands the caregiver to the keyboard is refused")
    func humanRefused() throws {
        do {
            _ = try ExperimentFixtures.plans(ExperimentFixtures.waits, vary: ["dyads.0.caregiver.policy=attuned,human"])
            Issue.record("expected a refusal")
        } catch let error as ExperimentErrors {
            #expect(error.messages.count == 1)
            #expect(error.messages[0].hasPrefix("--vary dyads.0.caregiver.policy=attuned,human: with dyads.0.caregiver.policy=human: "))
        }
    }
}

@Suite("Sweep grids: parameters set on the loaded plan, the file read once")
struct SweepTypedPlanTests {
    /// Two dyads, two phases, for fields of every kind.
    static let phased = """
        title: Phased
        dyads:
          - label: Waits
            caregiver: { policy: attuned }
          - label: Chases
            caregiver: { policy: intrusive }
        phases:
          - { name: play, duration: 10s }
          - { name: still, duration: 10s, caregiver: { policy: still-face } }

        """

    /// A loader that counts its calls.
    final class CountingLoader: @unchecked Sendable {
        var calls = 0
        let yaml: String
        init(_ yaml: String) { self.yaml = yaml }
        func load(_ overrides: [String]) throws -> Scenario {
            calls += 1
            return try ScenarioLoader.load(yaml: yaml, name: "test", overrides: overrides)
        }
    }

    /// Every grid point's plan the old way: the scenario loaded with the
    /// point's overrides.
    static func reloaded(_ yaml: String, grid: SweepGrid, set: [String]) throws -> [RunPlan] {
        try (0..<grid.pointCount).map {
            try ScenarioLoader.load(yaml: yaml, name: "test", overrides: set + grid.overrides(ofPoint: $0)).plan
        }
    }

    @Test(
        "the plans are those the loader gives for each point's overrides",
        arguments: [
            ["dyads.0.caregiver.patience=0s..4s:1s", "infant.reactivity=0..1:0.25"],
            ["phases.1.caregiver.energy=0,0.5", "dyads.1.caregiver.policy=attuned,anxious", "step=50ms,0.1s"],
            ["phases.0.duration=5s,10s", "dyads.0.caregiver.reaction=100ms..1s:300ms"],
            ["phases.0.duration=5s,10s", "phases.1.duration=1s,2s", "infant.trust=0.2,0.9"],
            ["infant.age_months=2..12:2"],
        ])
    func sameAsReloading(vary: [String]) throws {
        let grid = try SweepGrid(fields: try vary.map { try VariedField.parse($0) })
        let set = ["infant.soothability=0.3"]
        let plans = try SweepPlans.build(grid: grid, baseOverrides: set, load: ExperimentFixtures.loader(Self.phased))
        #expect(plans == (try Self.reloaded(Self.phased, grid: grid, set: set)))
    }

    @Test("a sweep over parameters loads the scenario once, not once a point")
    func loadsOnce() throws {
        let loader = CountingLoader(Self.phased)
        let grid = try SweepGrid(fields: [
            try VariedField.parse("dyads.0.caregiver.patience=0s..9s:1s"), try VariedField.parse("infant.reactivity=0..0.9:0.1"),
        ])
        let plans = try SweepPlans.build(grid: grid, baseOverrides: [], load: loader.load)
        #expect(plans.count == 100)
        #expect(loader.calls == 1)
    }

    @Test("a field left to the loader is loaded once a value, and parameters are set on it")
    func loadsPerDuration() throws {
        let loader = CountingLoader(Self.phased)
        let grid = try SweepGrid(fields: [
            try VariedField.parse("phases.0.duration=5s,10s,15s"), try VariedField.parse("infant.reactivity=0..0.9:0.1"),
        ])
        let plans = try SweepPlans.build(grid: grid, baseOverrides: [], load: loader.load)
        #expect(plans == (try Self.reloaded(Self.phased, grid: grid, set: [])))
        #expect(loader.calls == 1 + 3)
    }

    @Test("a bad value of a parameter is refused in the loader's words, before anything runs")
    func refusedLikeLoader() throws {
        #expect(
            throws: ExperimentErrors([
                "--vary infant.reactivity=0.5,2,high: infant.reactivity is 2; it must be between 0 and 1",
                "--vary infant.reactivity=0.5,2,high: infant.reactivity is \"high\"; it must be a number between 0 and 1",
            ])
        ) {
            try ExperimentFixtures.plans(Self.phased, vary: ["infant.reactivity=0.5,2,high"])
        }
        #expect(
            throws: ExperimentErrors([
                "--vary phases.0.caregiver.patience=1s,2s: phases is not in the file, so there is no position 0 to change"
            ])
        ) {
            try ExperimentFixtures.plans(ExperimentFixtures.waits, vary: ["phases.0.caregiver.patience=1s,2s"])
        }
    }

    @Test("combinations that together break the scenario are named by every field's value")
    func combinationProblems() throws {
        do {
            _ = try ExperimentFixtures.plans(
                Self.phased, vary: ["phases.0.duration=1000min,1400min", "phases.1.duration=30min,60min", "infant.trust=0.2,0.9"])
            Issue.record("expected a refusal")
        } catch let error as ExperimentErrors {
            #expect(
                error.messages == [
                    "--vary: at phases.0.duration=1400min, phases.1.duration=60min, infant.trust=0.2: the phases add up to 87600s; a run can last at most 24 hours (1440min)",
                    "--vary: at phases.0.duration=1400min, phases.1.duration=60min, infant.trust=0.9: the phases add up to 87600s; a run can last at most 24 hours (1440min)",
                ])
        }
    }
}
