import AttuneModel
import Foundation
import Yams

/// Checks a scenario's node tree field by field and builds the ``Scenario``,
/// collecting every problem on the way (not only the first).
///
/// It walks Yams nodes rather than decoding, so each problem keeps the line
/// and column where the value was written.
struct ScenarioReader {
    var problems: Problems

    /// The top-level keys, in the order docs/scenarios.md lists them.
    static let topKeys = [
        "title", "about", "seed", "step", "infant", "dyads", "phases", "duration", "narration", "decisions", "notice", "try",
    ]
    static let dyadKeys = ["label", "caregiver"]
    static let phaseKeys = ["name", "duration", "caregiver"]
    static let cueKeys = ["at", "on", "text", "once", "dyad"]
    static let decisionKeys = ["at", "on", "dyad", "question", "choices"]
    static let choiceKeys = ["key", "label", "caregiver", "action"]
    static var caregiverKeys: [String] { ["policy"] + ParameterCatalog.caregiver.map(\.key) }
    static var infantKeys: [String] { ParameterCatalog.infant.map(\.key) }
    /// The longest run, in words: `24 hours (1440min)`.
    static var longestRun: String {
        let seconds = ParameterCatalog.maximumDurationSeconds
        return "\(Format.number(seconds / 3600)) hours (\(Format.number(seconds / 60))min)"
    }
    /// The most dyads a scenario may have (they are shown side by side).
    static let maximumDyads = 4
    /// The deepest field a scenario file can have, named as a `--set` path
    /// would name it: a field of the caregiver in a decision's choice. No
    /// other field is nested as deeply (a dyad's or a phase's caregiver
    /// field has 4 parts, a choice's label 5).
    static let deepestPath = "decisions.0.choices.0.caregiver.patience"
    /// How many parts ``deepestPath`` has (6); a `--set` path with more
    /// parts names no field.
    static let maximumPathDepth = deepestPath.split(separator: ".").count

    // MARK: - The whole file

    mutating func read(_ root: Node, name: String, sourcePath: String?, sourceText: String? = nil) -> Scenario? {
        guard case .mapping = root else {
            problems.add(
                "the file should be a set of fields, one per line, like  title: Peek-a-boo ; it is \(Self.kind(root))",
                path: "", at: root)
            return nil
        }
        let fields = self.fields(of: root, path: "", allowed: Self.topKeys) ?? [:]

        let title = requiredText(fields["title"], path: "title", in: root, example: "title: Peek-a-boo")
        let about = fields["about"].flatMap { self.text($0.value, path: "about") } ?? ""
        let seed = fields["seed"].flatMap { self.seed($0.value) } ?? 1
        let step =
            fields["step"].flatMap { parameter(ParameterCatalog.step.spec, $0.value, path: "step") }
            ?? ParameterCatalog.step.defaultValue
        let (infant, population) = infantParameters(fields["infant"]?.value)
        let dyads = dyadPlans(fields["dyads"], root: root)
        let phases = phasePlans(fields, root: root)
        let total = phases?.reduce(0) { $0 + $1.durationSeconds }
        let labels = dyads?.map(\.label)
        let narration = fields["narration"].map { cues($0.value, runSeconds: total, labels: labels) } ?? []
        let decisions = fields["decisions"].map { decisionPoints($0.value, runSeconds: total, labels: labels) } ?? []
        let notice = fields["notice"].map { textList($0.value, path: "notice") } ?? []
        let tryThis = fields["try"].map { textList($0.value, path: "try") } ?? []

        guard problems.isEmpty, let title, let dyads, let phases else { return nil }
        var plan = RunPlan(infant: infant, dyads: dyads, phases: phases, stepSeconds: step)
        plan.population = population
        var scenario = Scenario(
            name: name, title: title, about: about, seed: seed, plan: plan, narration: narration,
            decisions: decisions, notice: notice, tryThis: tryThis, sourcePath: sourcePath, sourceText: sourceText)
        scenario.listsPhases = fields["phases"] != nil
        scenario.filePopulation = population
        return scenario
    }
}
