import AttuneModel

/// A ready-to-run scene: the run plan (infant, caregivers, phases, step) plus
/// the words that go with it (title, about, narration, things to notice and
/// to try).
///
/// Made by ``ScenarioLoader`` from a scenario file; docs/scenarios.md
/// describes the file format field by field.
public struct Scenario: Sendable {
    /// The file name without `.yaml` (`still-face`); the name used on the
    /// command line and in the chooser.
    public var name: String
    /// A short title for the chooser and the screen.
    public var title: String
    /// One or two plain sentences saying what the scene shows ("" when the
    /// file has no `about`).
    public var about: String
    /// The default seed of the run's random generator, 0 or more, default 1.
    /// The same scenario with the same seed gives the same run every time.
    public var seed: UInt64
    /// What the model runs: the infant, the dyads, the phases and the step
    /// (seconds, 0.01...1, default 0.1).
    public var plan: RunPlan
    /// Captions shown at set times or when something happens, in file order.
    public var narration: [NarrationCue]
    /// Moments where the live screen pauses and asks what the caregiver
    /// does next (the file's `decisions`), in file order.
    public var decisions: [DecisionPoint]
    /// Things to notice while watching (the file's `notice`), in file order.
    public var notice: [String]
    /// Things to try afterwards (the file's `try`), in file order.
    public var tryThis: [String]
    /// The file the scenario came from, or `nil` when it was read from text.
    public var sourcePath: String?
    /// The exact text the scenario was loaded from (the file's text, or the
    /// text given to the loader), before any `--set` overrides; `nil` when
    /// the scenario was made some other way. Use it rather than reading
    /// ``sourcePath`` again, which may have changed since. It is the file
    /// as written, so it may hold characters the loader refuses in values
    /// (in comments, say): make them visible before showing it.
    public var sourceText: String?
    /// True when some caregiver, in some phase, follows the `human` policy:
    /// the person at the keyboard chooses her actions.
    public var usesHumanCaregiver: Bool
    /// True when the file lists `phases` (so `phases.N` paths are in it);
    /// false when it gives one `duration`, or the scenario was made some
    /// other way.
    var listsPhases = false
    /// The spreads the file itself writes (infant fields given as a mean
    /// and an `sd` above 0), whatever `--population` later makes of
    /// ``plan``'s population; empty when the scenario was made some other
    /// way. A field with a spread here is not a plain number in the file, so
    /// ``ScenarioParameter`` leaves it to the loader.
    var filePopulation = InfantPopulation()

    /// Creates a scenario; the loader is the usual way to get one.
    public init(
        name: String, title: String, about: String = "", seed: UInt64 = 1, plan: RunPlan,
        narration: [NarrationCue] = [], decisions: [DecisionPoint] = [], notice: [String] = [],
        tryThis: [String] = [], sourcePath: String? = nil, sourceText: String? = nil
    ) {
        self.decisions = decisions
        self.name = name
        self.title = title
        self.about = about
        self.seed = seed
        self.plan = plan
        self.narration = narration
        self.notice = notice
        self.tryThis = tryThis
        self.sourcePath = sourcePath
        self.sourceText = sourceText
        self.usesHumanCaregiver = plan.phases.indices.contains { phase in
            plan.dyads.indices.contains { plan.caregiver(dyad: $0, phase: phase).policy == .human }
        }
    }
}

/// A caption the screen shows during a run: at a set time, or when an event
/// happens.
public struct NarrationCue: Sendable, Hashable {
    /// When a cue is shown.
    public enum Trigger: Sendable, Hashable {
        /// At a time from the start of the run, in seconds (0 or more, at
        /// most the run's length).
        case at(seconds: Double)
        /// Whenever one of these events happens (a file names one event;
        /// see ``Events/named``).
        case on(Events)
    }

    /// When the cue is shown.
    public var trigger: Trigger
    /// The caption, in plain words.
    public var text: String
    /// Show it only the first time its event happens (default `false`).
    public var once: Bool
    /// The label of the only dyad the cue is about, or `nil` for every dyad.
    public var dyad: String?

    /// Creates a cue.
    public init(trigger: Trigger, text: String, once: Bool = false, dyad: String? = nil) {
        self.trigger = trigger
        self.text = text
        self.once = once
        self.dyad = dyad
    }
}
