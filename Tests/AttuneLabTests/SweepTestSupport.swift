import AttuneModel
import AttuneScenario

@testable import AttuneLab

/// Small scenarios for sweeps and histories, read from text so the tests
/// need no files.
enum ExperimentFixtures {
    /// One caregiver who waits, 20 s.
    static let waits = """
        title: Waits
        seed: 3
        infant: { age_months: 4, trust: 0.8 }
        dyads:
          - label: Waits
            caregiver: { policy: attuned }
        duration: 20s

        """

    /// Two caregivers, one who waits and one who leans in, 20 s.
    static let waitOrChase = """
        title: Wait or chase
        seed: 5
        infant: { trust: 0.8 }
        dyads:
          - label: Waits
            caregiver: { policy: attuned }
          - label: Chases
            caregiver: { policy: intrusive }
        duration: 20s

        """

    /// A loader for `yaml` that applies `--set` overrides, as the commands do.
    static func loader(_ yaml: String) -> ([String]) throws -> Scenario {
        { overrides in try ScenarioLoader.load(yaml: yaml, name: "test", overrides: overrides) }
    }

    /// Every grid point's plan for `vary` options over `yaml`.
    static func plans(_ yaml: String, vary: [String], set: [String] = []) throws -> (SweepGrid, [RunPlan]) {
        let grid = try SweepGrid(fields: try vary.map { try VariedField.parse($0) })
        return (grid, try SweepPlans.build(grid: grid, baseOverrides: set, load: loader(yaml)))
    }

    /// The sweep's rows as CSV text.
    static func csv(_ runner: SweepRunner, grid: SweepGrid) -> String {
        var rows = [[Field]]()
        runner.run { rows += SweepColumns.rows(of: $0, grid: grid) }
        return RowFormat.csv.render(columns: SweepColumns.names(grid: grid), rows: rows)
    }
}
