import AttuneModel
import Testing

@testable import AttuneScenario

/// Infant fields written as a spread of babies: `reactivity: {mean: 0.5, sd: 0.15}`.
@Suite("Infant fields as a spread of babies")
struct DistributionTests {
    /// `minimalYAML` with an `infant` section.
    static func withInfant(_ lines: String) -> String {
        minimalYAML + "infant:\n" + lines.split(separator: "\n").map { "  \($0)\n" }.joined()
    }

    @Test("a mean and an sd give the plan's value and the population's spread; sd 0 is a fixed value")
    func read() throws {
        let s = try scenario(
            Self.withInfant(
                """
                age_months: {mean: 7, sd: 1.5}
                reactivity: {mean: 0.6, sd: 0.15}
                soothability: {mean: 0.3, sd: 0}
                trust: 0.4
                """))
        #expect(s.plan.infant == InfantParameters(ageMonths: 7, reactivity: 0.6, soothability: 0.3, trust: 0.4))
        #expect(s.plan.population.spread == ["age_months": 1.5, "reactivity": 0.15])
        #expect(s.filePopulation == s.plan.population)
    }

    @Test("a missing mean is the field's default, a missing sd is 0")
    func defaults() throws {
        let s = try scenario(Self.withInfant("reactivity: {sd: 0.2}\ntrust: {mean: 0.5}"))
        #expect(s.plan.infant.reactivity == InfantParameters().reactivity)
        #expect(s.plan.infant.trust == 0.5)
        #expect(s.plan.population.spread == ["reactivity": 0.2])
    }

    @Test("a scenario without spreads meets the same baby every run")
    func none() throws {
        let s = try scenario(Self.withInfant("reactivity: 0.6"))
        #expect(s.plan.population.isFixed)
        #expect(s.plan.population.spread.isEmpty)
    }

    @Test("problems name the line, the field and what to write")
    func problemsInFile() {
        let yaml = """
            title: Test
            infant:
              age_months: {mean: 15, sd: 1}
              reactivity: {mean: 0.5, sd: -0.15}
              soothability: {mean: 0.5, spread: 0.1}
              sociability: {}
              trust: [0.2, 0.8]
            dyads:
              - caregiver: { policy: attuned }
            duration: 60s
            """
        #expect(
            problems(yaml) == [
                "test.yaml:3:22: infant.age_months.mean is 15; it must be between 2 and 12",
                "test.yaml:4:31: infant.reactivity.sd is -0.15; it must be between 0 and 1",
                "test.yaml:5:29: infant.soothability has no field called \"spread\"; the fields it can have are mean and sd",
                "test.yaml:6:16: infant.sociability is an empty set of fields; write a number, like  sociability: 0.5  or a mean and a standard deviation, like  sociability: {mean: 0.5, sd: 0.15}",
                "test.yaml:7:10: infant.trust is a list; write a number between 0 and 1, or a mean and a standard deviation for babies that differ from run to run, like  trust: {mean: 0.7, sd: 0.15}",
            ])
    }

    @Test("an sd is at most the width of the field's range, and a misspelt key gets a suggestion")
    func tooWide() {
        #expect(
            problems(Self.withInfant("age_months: {mean: 6, sd: 11}\nreactivity: {mean: 0.5, sdd: 0.1}")) == [
                "test.yaml:6:29: infant.age_months.sd is 11; it must be between 0 and 10",
                "test.yaml:7:27: infant.reactivity has no field called \"sdd\"; did you mean \"sd\"?",
            ])
        #expect(
            problems(Self.withInfant("reactivity: {mean: high, sd: 0.1}")) == [
                "test.yaml:6:22: infant.reactivity.mean is \"high\"; it must be a number between 0 and 1"
            ])
    }

    @Test("--set of an sd makes a plain field a spread around its value; --set of a value makes it plain again")
    func overrides() throws {
        let plain = Self.withInfant("reactivity: 0.3")
        let spread = try scenario(plain, overrides: ["infant.reactivity.sd=0.1"])
        #expect(spread.plan.infant.reactivity == 0.3)
        #expect(spread.plan.population.spread == ["reactivity": 0.1])
        let moved = try scenario(plain, overrides: ["infant.reactivity.mean=0.7"])
        #expect(moved.plan.infant.reactivity == 0.7)
        #expect(moved.plan.population.isFixed)
        let unnamed = try scenario(minimalYAML, overrides: ["infant.soothability.sd=0.2"])
        #expect(unnamed.plan.infant.soothability == InfantParameters().soothability)
        #expect(unnamed.plan.population.spread == ["soothability": 0.2])

        let drawn = Self.withInfant("reactivity: {mean: 0.5, sd: 0.2}")
        let fixed = try scenario(drawn, overrides: ["infant.reactivity=0.8"])
        #expect(fixed.plan.infant.reactivity == 0.8)
        #expect(fixed.plan.population.isFixed)
        #expect(
            problems(drawn, overrides: ["infant.reactivity.sd=2"]) == [
                "--set infant.reactivity.sd=2: infant.reactivity.sd is 2; it must be between 0 and 1"
            ])
        #expect(
            problems(plain, overrides: ["infant.reactivity.mean=2"]) == [
                "--set infant.reactivity.mean=2: infant.reactivity.mean is 2; it must be between 0 and 1"
            ])
    }

    @Test("a sweep's typed value gives the plan the loader gives, for a spread field and a plain one")
    func typedParameter() throws {
        let yaml = Self.withInfant("reactivity: {mean: 0.5, sd: 0.2}\nsoothability: 0.4")
        let base = try scenario(yaml)
        // The spread field goes through the loader: a value replaces the spread.
        #expect(ScenarioParameter(path: "infant.reactivity", in: base) == nil)
        #expect(ScenarioParameter(path: "infant.reactivity.sd", in: base) == nil)
        // A plain field is set on the plan, keeping the other field's spread.
        let parameter = try #require(ScenarioParameter(path: "infant.soothability", in: base))
        var plan = base.plan
        parameter.set(try #require(parameter.value("0.7")), in: &plan)
        #expect(plan == (try scenario(yaml, overrides: ["infant.soothability=0.7"])).plan)
    }

    @Test("each run draws its own baby from the seed, the same whatever the dyads, inside each field's range")
    func draws() throws {
        let yaml = Self.withInfant("age_months: {mean: 11, sd: 3}\nreactivity: {mean: 0.5, sd: 0.3}")
        let one = try scenario(yaml)
        let two = try scenario(
            yaml.replacingOccurrences(
                of: "  - caregiver: { policy: attuned }\n",
                with: "  - caregiver: { policy: attuned }\n  - caregiver: { policy: intrusive }\n"))
        #expect(two.plan.dyads.count == 2)
        var ages = Set<Double>()
        for seed: UInt64 in 0..<200 {
            let a = Simulation(plan: one.plan, seed: seed)
            let b = Simulation(plan: two.plan, seed: seed)
            #expect(a.infant == b.infant)
            #expect(a.infant == Simulation(plan: one.plan, seed: seed).infant)
            #expect((2...12).contains(a.infant.ageMonths))
            #expect((0...1).contains(a.infant.reactivity))
            #expect(a.infant.soothability == InfantParameters().soothability)
            ages.insert(a.infant.ageMonths)
        }
        #expect(ages.count > 150)
        // Truncated at 12 months: the mean of the drawn ages is below 11.
        #expect(ages.reduce(0, +) / Double(ages.count) < 11)
    }
}
