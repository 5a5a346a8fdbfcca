import AttuneModel
import AttuneScenario

/// One finding from the developmental literature, checked against the
/// model: what was published, the range the model must land in, and what
/// it gives over a population of babies.
public struct FindingResult: Sendable {
    /// The finding's number in docs/model.md §7 with a letter for each
    /// check of it (`4b`).
    public let id: String
    /// The finding in a few plain words.
    public let finding: String
    /// Where it was published (`Field 1981`).
    public let source: String
    /// What was published: the direction, and the size where one is known.
    public let published: String
    /// True when the published value was checked against the paper itself;
    /// false when it is the brief's or a review's summary (approximate).
    public let confirmed: Bool
    /// What the model is measured by, with its unit.
    public let measure: String
    /// The range the model's value must land in.
    public var target: ClosedRange<Double>
    /// The model's value: a mean over runs, or an effect size.
    public let value: Double
    /// Its 95% interval, when it has one.
    public let interval: ClosedRange<Double>?
    /// Decimal places to show.
    public let places: Int

    /// True when the value is in the target range.
    public var passes: Bool { value.isFinite && target.contains(value) }

    /// Creates a result (the scorecard makes them; tests and reports may
    /// too).
    public init(
        id: String, finding: String, source: String, published: String, confirmed: Bool, measure: String,
        target: ClosedRange<Double>, value: Double, interval: ClosedRange<Double>?, places: Int
    ) {
        self.id = id
        self.finding = finding
        self.source = source
        self.published = published
        self.confirmed = confirmed
        self.measure = measure
        self.target = target
        self.value = value
        self.interval = interval
        self.places = places
    }
}

/// How many runs and threads the findings use.
public struct FindingsOptions: Sendable {
    /// Runs (babies) per batch: 200, or 40 in the quick mode `swift test`
    /// runs.
    public var runs: Int
    /// Worker threads.
    public var threads: Int
    /// The first run's seed of every batch.
    public var firstSeed: UInt64

    /// The full check: 200 babies a batch.
    public static let full = FindingsOptions(runs: 200, threads: BatchRunner.defaultThreads, firstSeed: 1)
    /// The quick check: 40 babies a batch.
    public static let quick = FindingsOptions(runs: 40, threads: BatchRunner.defaultThreads, firstSeed: 1)

    /// Creates options.
    public init(runs: Int, threads: Int, firstSeed: UInt64) {
        self.runs = runs
        self.threads = threads
        self.firstSeed = firstSeed
    }
}

/// The model's evidence: every finding of docs/model.md §7 measured over
/// the default population of babies (``InfantPopulation/default``) around
/// each ready scenario's baby.
public enum Findings {
    /// One check: its words and how it is measured.
    struct Check: Sendable {
        var id: String
        var finding: String
        var source: String
        var published: String
        var confirmed: Bool
        var measure: String
        var target: ClosedRange<Double>
        var places: Int = 1
        var run: @Sendable (FindingLab) throws -> Measured
    }

    /// Measures every finding.
    ///
    /// - Parameter only: the ids to measure (`["4a", "8a"]`); all when nil.
    public static func evaluate(_ options: FindingsOptions, only: Set<String>? = nil) throws -> [FindingResult] {
        let lab = FindingLab(runs: options.runs, threads: options.threads, firstSeed: options.firstSeed)
        return try checks.filter { only?.contains($0.id) ?? true }.map { check in
            let measured = try check.run(lab)
            return FindingResult(
                id: check.id, finding: check.finding, source: check.source, published: check.published,
                confirmed: check.confirmed, measure: check.measure, target: check.target, value: measured.value,
                interval: measured.interval, places: check.places)
        }
    }

    // MARK: - The checks

    static let checks: [Check] =
        lookAways + stimulation + scenes + stillFace + mutualRegulation + history + timing
        + physiology + temperament + age + neitherTooMuchNorTooLittle

    /// Every finding's id, in order.
    public static var ids: [String] { checks.map(\.id) }

    /// Finding 1: a look-away regulates arousal.
    static let lookAways: [Check] = [
        Check(
            id: "1a", finding: "Heart rate rises before a look-away", source: "Field 1981",
            published: "heart rate rose before the infant averted its gaze", confirmed: false,
            measure: "heart rate at the start of a look-away to calm down, minus 2 s before, bpm", target: 0.5...30
        ) { lab in
            Measured.mean(try LookAwayTraces.measure(lab).riseBefore)
        },
        Check(
            id: "1b", finding: "Heart rate falls while the infant looks away", source: "Field 1981",
            published: "heart rate fell during gaze aversion; the infant looked back once calmer", confirmed: false,
            measure: "heart rate at the end of a look-away to calm down, minus at its start, bpm", target: -30 ... -0.5
        ) { lab in
            Measured.mean(try LookAwayTraces.measure(lab).changeDuring)
        },
        Check(
            id: "1c", finding: "Delight is itself a trigger for looking away", source: "Stifter & Moyer 1991",
            published: "gaze aversion followed high-intensity positive affect", confirmed: false,
            measure: "look-aways to calm down begun while smiling or cooing, per minute of smiling, "
                + "over those begun while merely engaged, per minute engaged",
            target: 1.5...1000, places: 2
        ) { lab in
            let traces = try LookAwayTraces.measure(lab)
            return Measured(value: traces.delightRatio, interval: nil)
        },
    ]

    /// Finding 2: optimal stimulation.
    static let stimulation: [Check] = [
        Check(
            id: "2a", finding: "More looking away with a still partner", source: "Field 1981",
            published: "infants looked away more with a still, unresponsive partner than in natural play", confirmed: false,
            measure: "gaze at the caregiver, attuned play minus a still face, percentage points", target: 5...100
        ) { lab in
            Measured.difference(
                try lab.values("scene-a-waits", [], Figures.gazeAtCaregiver),
                try lab.values("scene-a-waits", ["dyads.0.caregiver.policy=still-face"], Figures.gazeAtCaregiver))
        },
        Check(
            id: "2b", finding: "More looking away with an overactive partner", source: "Field 1981",
            published: "infants looked away more with an overactive partner than in natural play", confirmed: false,
            measure: "gaze at the caregiver, attuned play minus an intrusive caregiver at full energy, percentage points",
            target: 5...100
        ) { lab in
            Measured.difference(
                try lab.values("scene-a-waits", [], Figures.gazeAtCaregiver),
                try lab.values(
                    "scene-a-waits", ["dyads.0.caregiver.policy=intrusive", "dyads.0.caregiver.energy=1"], Figures.gazeAtCaregiver))
        },
        Check(
            id: "2c", finding: "More aroused with a still or an overactive partner", source: "Field 1981",
            published: "heart rate was higher with a still and with an overactive partner than in natural play",
            confirmed: false,
            measure: "mean heart rate, the lower of still face and overactive partner minus attuned play, bpm", target: 1...40
        ) { lab in
            let play = try lab.values("scene-a-waits", [], Figures.meanHeartRate)
            let still = try lab.values("scene-a-waits", ["dyads.0.caregiver.policy=still-face"], Figures.meanHeartRate)
            let over = try lab.values(
                "scene-a-waits", ["dyads.0.caregiver.policy=intrusive", "dyads.0.caregiver.energy=1"], Figures.meanHeartRate)
            return Measured.mean(zip(zip(still, over), play).map { min($0.0, $0.1) - $1 })
        },
    ]

    /// Finding 3: the article's two scenes.
    static let scenes: [Check] = [
        Check(
            id: "3a", finding: "Disconnection lasts longer when the caregiver chases", source: "Tronick 1989 (the two scenes)",
            published: "scene B's look-away lasts longer than scene A's", confirmed: true,
            measure: "mean look-away, scene B over scene A (ratio of means)", target: 1.5...100, places: 2
        ) { lab in
            let a = try lab.values("scene-a-waits", [], Figures.meanLookAway)
            let b = try lab.values("scene-b-chases", [], Figures.meanLookAway)
            guard let ma = Statistics.mean(a), let mb = Statistics.mean(b), ma > 0 else { return Measured(value: .nan) }
            return Measured(value: mb / ma, interval: nil)
        },
        Check(
            id: "3b", finding: "Chased, the baby fusses and pushes", source: "Tronick 1989 (the two scenes)",
            published: "in scene B the infant frowns, fusses and pushes at her face", confirmed: true,
            measure: "runs of scene B with any fussing, crying or pushing away, %", target: 70...100
        ) { lab in
            Measured.share(try lab.values("scene-b-chases", [], Figures.distress).map { $0 > 0 })
        },
        Check(
            id: "3c", finding: "Waited for, the baby comes back on its own", source: "Tronick 1989 (the two scenes)",
            published: "in scene A the infant turns back on its own after a few seconds", confirmed: true,
            measure: "look-aways of scene A ended by the infant itself, %", target: 70...100
        ) { lab in
            let runs = try lab.batch("scene-a-waits")
            let returned = runs.map { Double($0[0][0].returnedOnOwn) }
            let lookAways = runs.map { Double($0[0][0].lookAways) }
            let total = lookAways.reduce(0, +)
            return Measured(value: total > 0 ? 100 * returned.reduce(0, +) / total : .nan, interval: nil)
        },
    ]
}

extension Measured {
    init(value: Double) {
        self.init(value: value, interval: nil)
    }
}
