import AttuneModel
import AttuneScenario

/// What happened in a run, in plain words: for each dyad a summary, the
/// figures, and a timeline of look-aways and of ruptures and repairs, each
/// with what it meant; then what a repair looks like.
///
/// Made from a ``Timeline`` up to its current step. It describes; it never
/// blames. Every pair falls out of step, and the debrief ends with what
/// finding the way back looks like.
public struct DebriefReport: Hashable, Sendable {
    /// One moment of the timeline.
    public struct Entry: Hashable, Sendable {
        /// What kind of moment.
        public enum Kind: Hashable, Sendable {
            /// The infant looked away (and, usually, came back).
            case lookAway
            /// The pair fell out of step for longer than 0.5 s.
            case rupture
        }

        /// When it began, seconds from the start of the run.
        public var seconds: Double
        /// What kind of moment it was.
        public var kind: Kind
        /// The sentence, starting with "At m:ss".
        public var text: String
        /// For a look-away: the infant came back by itself while nobody
        /// leaned in.
        public var cameBackOnOwn: Bool = false
        /// For a look-away or a rupture: still going when the debrief was made.
        public var isUnfinished: Bool = false
        /// For a look-away: the baby looked around the room out of
        /// curiosity (``Behavior/exploring``) and never needed to calm
        /// down (no look-away to settle, no distress, nobody leaned in).
        public var isExploring: Bool = false
    }

    /// One dyad's part of the debrief.
    public struct DyadPart: Hashable, Sendable {
        /// The dyad's label ("Waits").
        public var label: String
        /// What the caregiver did by the end, in words that name actions,
        /// not her ("leans in to win the baby's gaze back"), or "you, at
        /// the keyboard".
        public var policy: String
        /// A few sentences summing up the run for this pair.
        public var summary: String
        /// The figures.
        public var figures: RunFigures
        /// The look-aways, ruptures and repairs, in time order.
        public var entries: [Entry]
    }

    /// The scenario's title.
    public var title: String
    /// Seconds the run lasted (up to the moment the debrief was made).
    public var seconds: Double
    /// The run's full length, seconds.
    public var totalSeconds: Double
    /// The seed.
    public var seed: UInt64
    /// One part per dyad, in scenario order.
    public var dyads: [DyadPart]
    /// The paths tried through the scenario's decisions with "what if"
    /// (the current one last), or empty when only one path was taken.
    public var branches: [DecisionBranch]
    /// The settings changed during the run, in plain words and time order
    /// ("At 0:40 you made the baby more easily stirred (reactivity from
    /// 0.50 to 0.80)."), or empty.
    public var changes: [String]
    /// For each caregiver whose place the keyboard had (for at least
    /// ``PlayerComparison/minimumSeconds``), the player's figures beside
    /// the attuned caregiver's with the same baby and seed; the debrief
    /// ends with them. Empty for a run nobody played.
    public var players: [PlayerComparison]

    /// The closing paragraph: what a repair looks like.
    public static let closing =
        "What a repair looks like: the baby turns away when it has had enough. The caregiver sits back and stays close. "
        + "A few seconds later the baby turns back, and she greets it warmly. Every pair falls out of step, many times a day; "
        + "finding the way back, again and again, is what builds trust."

    /// Makes the debrief of `timeline` up to its current step.
    /// - Parameters:
    ///   - timeline: the run.
    ///   - branches: the paths tried through the decisions, the current one
    ///     last; default none.
    public init(timeline: Timeline, branches: [DecisionBranch] = []) {
        self.branches = branches
        changes = Self.changes(timeline: timeline)
        players = PlayerComparison.all(timeline: timeline)
        let scenario = timeline.scenario
        title = scenario.title
        seconds = timeline.seconds
        totalSeconds = timeline.totalSeconds
        seed = timeline.seed
        let simulation = timeline.now.simulation
        let ended = timeline.isFinished
        dyads = (0..<timeline.dyadCount).map { d in
            let policy = simulation.dyads[d].caregiver.parameters.policy
            let figures = RunFigures(dyad: simulation.dyads[d])
            let entries = Self.entries(timeline: timeline, dyad: d, ended: ended)
            return DyadPart(
                label: scenario.plan.dyads[d].label,
                policy: policy == .human ? "you, at the keyboard" : KeyMap.meaning(of: policy),
                summary: Self.summary(figures: figures, entries: entries),
                figures: figures, entries: entries)
        }
    }

    // MARK: - Summary

    static func summary(figures: RunFigures, entries: [Entry]) -> String {
        let lookAways = entries.filter { $0.kind == .lookAway }
        var sentences: [String] = []
        if lookAways.isEmpty {
            sentences.append("The baby did not look away.")
        } else {
            let stillAway = lookAways.filter(\.isUnfinished).count
            let finished = lookAways.count - stillAway
            let onOwn = lookAways.filter(\.cameBackOnOwn).count
            let exploring = lookAways.filter(\.isExploring).count
            var text = "The baby looked away \(times(lookAways.count))"
            if exploring == lookAways.count {
                text += exploring == 1 ? " (to look around the room)" : " (each time to look around the room)"
            } else if exploring > 0 {
                text += " (\(times(exploring)) to look around the room)"
            }
            if finished > 0 && onOwn == finished {
                text += finished == 1 ? ", and came back on its own" : ", and came back on its own every time"
            } else if onOwn > 0 {
                text += ", and came back on its own \(times(onOwn))"
            }
            if stillAway > 0 { text += onOwn > 0 ? "; it was turned away again at the end" : "; it was still turned away at the end" }
            sentences.append(text + ".")
        }
        if figures.ruptures == 0 {
            sentences.append("The pair stayed in step throughout.")
        } else {
            var text = "The pair fell out of step \(times(figures.ruptures))"
            text += " and found their way back \(figures.repairs == figures.ruptures ? "every time" : times(figures.repairs))"
            if let median = figures.medianRepairSeconds {
                text += ", usually within \(TextFormatting.seconds(median))"
            }
            sentences.append(text + ".")
        }
        if figures.distressSeconds >= 0.05 {
            sentences.append(
                "The baby was upset (fussing, crying or pushing away) for \(TextFormatting.seconds(figures.distressSeconds)) in all.")
        }
        if figures.unrepaired > 0 {
            sentences.append(
                "At the end, \(figures.unrepaired == 1 ? "one rupture was" : "\(figures.unrepaired) ruptures were") still waiting for a repair."
            )
        }
        return sentences.joined(separator: " ")
    }

    static func times(_ n: Int) -> String {
        n == 1 ? "once" : n == 2 ? "twice" : "\(n) times"
    }

    // MARK: - Timeline

    /// The look-aways and ruptures of one dyad, in time order.
    static func entries(timeline: Timeline, dyad d: Int, ended: Bool) -> [Entry] {
        let dt = timeline.stepSeconds
        let count = min(timeline.cursor, timeline.recordedSteps)
        var entries: [Entry] = []
        var previous = DyadSample(
            arousal: 0, intensity: 0, gaze: .atCaregiver, behavior: .engaged, affect: .interested, action: .play,
            coordinated: true, inRupture: false, events: [])

        // Look-away in progress.
        var awayStart: Int?
        var chased = false, turnedFar = false, upset = false, pushed = false
        var withdrew = false, stillFace = false, soothed = false, thumb = false
        var explored = false, regulated = false, fussed = false
        var lastIntrusion = -1_000_000
        var lastUnanswering = -1_000_000
        var unanswered = false
        // Miscoordinated stretch in progress.
        var outOfStepSince: Int?
        var ruptureStart: Int?
        var ruptureCause = ""

        func clock(_ step: Int) -> String { TextFormatting.clock(Double(step) * dt) }

        for j in 0..<count {
            let s = timeline.sample(step: j, dyad: d)
            if s.action == .intrude { lastIntrusion = j }
            if s.action == .disengage || s.action == .stillFace { lastUnanswering = j }
            // Look-aways.
            if previous.gaze == .atCaregiver && s.gaze != .atCaregiver {
                awayStart = j
                chased = false; turnedFar = false; upset = false; pushed = false
                withdrew = false; stillFace = s.action == .stillFace; soothed = false; thumb = false
                explored = false; regulated = false; fussed = false
                unanswered = j - lastUnanswering <= Int((3 / dt).rounded())
            }
            if awayStart != nil && s.gaze != .atCaregiver {
                if s.action == .intrude { chased = true }
                if s.gaze == .farAway { turnedFar = true }
                if s.behavior.isDistress { upset = true }
                if s.behavior == .pushingAway { pushed = true }
                if s.behavior == .withdrawn { withdrew = true }
                if s.action == .stillFace { stillFace = true }
                if s.action == .soothe { soothed = true }
                if s.behavior == .selfSoothing { thumb = true }
                if s.action == .disengage { unanswered = true }
                if s.behavior == .fussing || s.behavior == .crying { fussed = true }
                if s.behavior == .exploring { explored = true }
                if s.behavior.isRegulating { regulated = true }
            }
            if let start = awayStart, previous.gaze != .atCaregiver && s.gaze == .atCaregiver {
                let length = Double(j - start) * dt
                let onOwn = s.action != .intrude && j - lastIntrusion > Int((1 / dt).rounded())
                let curious = explored && !regulated && !chased && !upset && !withdrew && !turnedFar
                let text = lookAwaySentence(
                    at: clock(start), length: length, chased: chased, turnedFar: turnedFar, upset: upset,
                    pushed: pushed, withdrew: withdrew, unanswered: unanswered, stillFace: stillFace, soothed: soothed,
                    thumb: thumb, onOwn: onOwn, exploring: curious, fussed: fussed)
                let plain = onOwn && !chased && !withdrew && !stillFace && !(upset && soothed)
                entries.append(
                    Entry(seconds: Double(start) * dt, kind: .lookAway, text: text, cameBackOnOwn: plain, isExploring: curious))
                awayStart = nil
            }
            // Ruptures and repairs.
            if s.coordinated {
                outOfStepSince = nil
            } else if outOfStepSince == nil {
                outOfStepSince = j
            }
            if s.events.contains(.rupture) {
                ruptureStart = outOfStepSince ?? j
                ruptureCause = cause(s, windowHigh: timeline.now.simulation.dyads[d].traits.windowHigh)
            }
            if s.events.contains(.repair), let start = ruptureStart {
                let latency = Double(j - start) * dt
                let text =
                    "At \(clock(start)) the pair fell out of step: \(ruptureCause). They were back in step \(TextFormatting.seconds(latency)) later: a repair."
                entries.append(Entry(seconds: Double(start) * dt, kind: .rupture, text: text))
                ruptureStart = nil
            }
            previous = s
        }
        let end = ended ? "ended" : "was stopped"
        if let start = awayStart {
            let length = TextFormatting.wholeSeconds(Double(count - start) * dt)
            let curious = explored && !regulated && !chased && !upset && !withdrew && !turnedFar
            var text =
                curious
                ? "At \(clock(start)) the baby looked around the room, and was still looking around when the run \(end) (\(length) later)"
                : "At \(clock(start)) the baby looked away, and was still turned away when the run \(end) (\(length) later)"
            text += chased ? "; the caregiver had leaned in while it was turned away." : "."
            entries.append(Entry(seconds: Double(start) * dt, kind: .lookAway, text: text, isUnfinished: true, isExploring: curious))
        }
        if let start = ruptureStart {
            let length = TextFormatting.seconds(Double(count - start) * dt)
            let text =
                "At \(clock(start)) the pair fell out of step: \(ruptureCause). They had not yet found their way back when the run \(end), \(length) later."
            entries.append(Entry(seconds: Double(start) * dt, kind: .rupture, text: text, isUnfinished: true))
        }
        return entries.enumerated().sorted { a, b in
            a.element.seconds != b.element.seconds ? a.element.seconds < b.element.seconds : a.offset < b.offset
        }.map(\.element)
    }

    /// The sentence for one look-away that ended. `upset` is any
    /// distress (fussing, crying or pushing at her face); `fussed` says the
    /// baby fussed or cried, not only pushed. `exploring` is a look-away of
    /// curiosity: the baby looked around the room and never needed to calm
    /// down, so nothing says it did.
    static func lookAwaySentence(
        at time: String, length: Double, chased: Bool, turnedFar: Bool, upset: Bool, pushed: Bool,
        withdrew: Bool, unanswered: Bool = false, stillFace: Bool, soothed: Bool, thumb: Bool, onOwn: Bool,
        exploring: Bool = false, fussed: Bool = true
    ) -> String {
        let span = TextFormatting.wholeSeconds(length)
        if exploring {
            if stillFace {
                return
                    "At \(time) the baby looked around the room for \(span): the still face gave no answer, so it looked for something that might."
            }
            if unanswered {
                return
                    "At \(time) the baby looked around the room for \(span) while her attention was elsewhere, and found other things to look at."
            }
            if onOwn {
                return
                    "At \(time) the baby looked around the room for \(span), curious about something else, and came back on its own."
            }
            return "At \(time) the baby looked around the room for \(span) and came back."
        }
        if chased && (turnedFar || upset || withdrew) {
            var reactions: [String] = []
            if upset && fussed { reactions.append("fussed") }
            if pushed { reactions.append("pushed at her face") }
            if turnedFar { reactions.append("turned further away") }
            if withdrew { reactions.append("went quiet") }
            let list =
                reactions.count > 1
                ? reactions.dropLast().joined(separator: ", ") + " and " + reactions.last!
                : reactions[0]
            return
                "At \(time) the baby looked away for \(span). The caregiver leaned in while it was turned away; it \(list), and needed longer to come back."
        }
        if stillFace {
            return
                "At \(time) the baby looked away from the still face for \(span): a face that does not answer is hard to look at, and turning away protected it."
        }
        if withdrew && unanswered {
            return
                "At \(time) the baby looked away for \(span) and went quiet, turned inward: its calls for her had not been answered, and it stopped asking for a while."
        }
        if withdrew {
            return "At \(time) the baby looked away for \(span) and went quiet, turned inward for a while before it came back."
        }
        if chased {
            return
                "At \(time) the baby looked away for \(span). The caregiver leaned in while it was turned away, which kept its arousal up; it came back once things quietened."
        }
        if upset && soothed {
            return "At \(time) the baby looked away for \(span), upset; the caregiver soothed it, and it came back."
        }
        if onOwn {
            var text = "At \(time) the baby looked away for \(span) and came back on its own: it needed a moment to calm down."
            if thumb { text += " It sucked its thumb to help itself settle." }
            return text
        }
        return "At \(time) the baby looked away for \(span) and came back."
    }

    /// What did not fit at the moment a rupture began, in plain words.
    static func cause(_ s: DyadSample, windowHigh: Double) -> String {
        switch s.behavior {
        case .lookingAway, .selfSoothing:
            switch s.action {
            case .intrude: return "the caregiver leaned in while the baby was looking away"
            case .play: return "the baby looked away while the game was still going"
            case .greet: return "the caregiver greeted the baby before it was ready"
            case .stillFace: return "the baby turned away from a still face"
            case .disengage: return "the baby looked away while her attention was elsewhere"
            case .soothe: return "the baby needed a moment to itself while she soothed it"
            case .wait: return "the baby needed a moment to itself"
            }
        case .fussing, .crying, .pushingAway:
            switch s.action {
            case .intrude: return "the baby was upset and she leaned in"
            case .play: return "the baby was upset and the game went on"
            default: return "the baby was upset and not yet soothed"
            }
        case .withdrawn:
            return "the baby had turned inward"
        case .exploring:
            switch s.action {
            case .intrude: return "the caregiver leaned in while the baby was looking around"
            case .play, .greet: return "the baby looked around while the game went on"
            default: return "the baby looked around at something else"
            }
        case .bidding:
            return s.affect == .delighted ? "the baby's smiles and coos were not answered" : "the baby's calls were not answered"
        case .engaged, .smiling, .cooing:
            switch s.action {
            case .wait: return "the baby looked back and had not yet been greeted"
            case .stillFace: return "the baby looked at a face that did not answer"
            case .disengage: return "the baby looked at her while her attention was elsewhere"
            case .intrude: return "the caregiver leaned in close"
            case .soothe: return "she soothed a baby who was ready to play"
            case .play, .greet:
                return Double(s.arousal) > windowHigh
                    ? "the game went on while the baby was above its comfortable range"
                    : "the baby was not quite with the game"
            }
        }
    }

    // MARK: - Plain text

    /// The figures as a table: one row per figure, one column per dyad.
    public var figureRows: [(label: String, values: [String])] {
        func row(_ label: String, _ value: (RunFigures) -> String) -> (label: String, values: [String]) {
            (label, dyads.map { value($0.figures) })
        }
        let lookAways = (label: "look-aways", values: dyads.map { "\($0.figures.lookAways)" })
        let onOwn = (label: "came back on its own", values: dyads.map { "\($0.entries.filter(\.cameBackOnOwn).count)" })
        return [
            row("ruptures (out of step > 0.5 s)") { "\($0.ruptures)" },
            row("repairs") { "\($0.repairs)" },
            row("median repair time") { $0.medianRepairSeconds.map(TextFormatting.seconds) ?? "-" },
            row("longest rupture") { TextFormatting.seconds($0.longestRuptureSeconds) },
            row("not yet repaired") { "\($0.unrepaired)" },
            row("time in distress") { TextFormatting.seconds($0.distressSeconds) },
            row("looking at the caregiver") { TextFormatting.percent($0.gazeAtCaregiverPercent) },
            lookAways,
            onOwn,
            row("trust at the end (0-1)") { TextFormatting.fixed($0.trustEnd, 2) },
        ]
    }

    /// The figures table as aligned text lines.
    public var figureTable: [String] {
        let rows = figureRows
        let labelWidth = (rows.map(\.label.count).max() ?? 0) + 2
        let columnWidth = max(8, (dyads.map(\.label.count).max() ?? 0) + 2)
        func pad(_ text: String, _ width: Int, right: Bool) -> String {
            let spaces = String(repeating: " ", count: max(0, width - text.count))
            return right ? spaces + text : text + spaces
        }
        var lines = [pad("", labelWidth, right: false) + dyads.map { pad($0.label, columnWidth, right: true) }.joined()]
        for row in rows {
            lines.append(pad(row.label, labelWidth, right: false) + row.values.map { pad($0, columnWidth, right: true) }.joined())
        }
        return lines
    }

    /// The names of the paths tried, as the paths table heads its
    /// columns: `1: wait`, `2: lean in`.
    public var branchNames: [String] {
        branches.enumerated().map { "\($0.offset + 1): \($0.element.name)" }
    }

    /// The rows of the paths table of dyad `d` (0-based): one row per
    /// figure, one value per path, in path order. The debrief's table and
    /// a report's slide both show these, so they always agree.
    public func branchFigureRows(dyad d: Int) -> [(label: String, values: [String])] {
        let figures = branches.map { $0.figures[d] }
        return [
            ("reached", branches.map { TextFormatting.clock($0.seconds) }),
            ("ruptures (out of step > 0.5 s)", figures.map { "\($0.ruptures)" }),
            ("repairs", figures.map { "\($0.repairs)" }),
            ("median repair time", figures.map { $0.medianRepairSeconds.map(TextFormatting.seconds) ?? "-" }),
            ("longest rupture", figures.map { TextFormatting.seconds($0.longestRuptureSeconds) }),
            ("time in distress", figures.map { TextFormatting.seconds($0.distressSeconds) }),
            ("looking at the caregiver", figures.map { TextFormatting.percent($0.gazeAtCaregiverPercent) }),
            ("look-aways", figures.map { "\($0.lookAways)" }),
            ("trust at the end (0-1)", figures.map { TextFormatting.fixed($0.trustEnd, 2) }),
        ]
    }

    /// The paths tried, side by side: for each dyad, one table with a
    /// column per path (its choices, then its figures). Empty when only one
    /// path was taken.
    public var branchTables: [(label: String, lines: [String])] {
        guard branches.count > 1 else { return [] }
        let names = branchNames
        return dyads.indices.map { d in
            let rows = branchFigureRows(dyad: d)
            let labelWidth = (rows.map(\.label.count).max() ?? 0) + 2
            let columnWidth = max(8, (names.map(\.count).max() ?? 0) + 2)
            func pad(_ text: String, _ width: Int, right: Bool) -> String {
                let spaces = String(repeating: " ", count: max(0, width - text.count))
                return right ? spaces + text : text + spaces
            }
            var lines = [pad("", labelWidth, right: false) + names.map { pad($0, columnWidth, right: true) }.joined()]
            for row in rows {
                lines.append(pad(row.label, labelWidth, right: false) + row.values.map { pad($0, columnWidth, right: true) }.joined())
            }
            return (dyads[d].label, lines)
        }
    }

    /// The heading of a player's comparison: "You in her place, beside the
    /// attuned caregiver" (with the dyad's label when there are several).
    public static func playerHeading(_ player: PlayerComparison, dyads: Int) -> String {
        "You in her place\(dyads > 1 ? " (\(player.label))" : ""), beside the \(player.other.word) caregiver"
    }

    /// The sentence introducing the paths tried.
    public static let branchesIntro =
        "You went back and tried more than one answer. Each path is kept here, side by side; the paths may have reached different moments of the run."

    /// The text printed when the app closes: title, each pair's summary,
    /// the figures, and what a repair looks like.
    public var plainText: String {
        var lines = ["\(title): \(TextFormatting.clock(seconds)) of \(TextFormatting.clock(totalSeconds)), seed \(seed)", ""]
        for part in dyads {
            lines.append("\(part.label) · \(part.policy)")
            lines += TextFormatting.wrap(part.summary, width: 78).map { "  " + $0 }
            lines.append("")
        }
        if !changes.isEmpty {
            lines.append(Self.changesHeading)
            for change in changes {
                lines += TextFormatting.wrap(change, width: 76).enumerated().map { ($0.offset == 0 ? "  - " : "    ") + $0.element }
            }
            lines.append("")
        }
        lines += figureTable
        lines.append("")
        if !branchTables.isEmpty {
            lines.append("The paths you tried")
            lines += TextFormatting.wrap(Self.branchesIntro, width: 78).map { "  " + $0 }
            for table in branchTables {
                if dyads.count > 1 { lines.append("  \(table.label)") }
                lines += table.lines.map { "  " + $0 }
            }
            lines.append("")
        }
        lines += TextFormatting.wrap(Self.closing, width: 80)
        for player in players {
            lines.append("")
            lines.append(Self.playerHeading(player, dyads: dyads.count))
            lines += TextFormatting.wrap(player.summary, width: 78).map { "  " + $0 }
            lines += player.table.map { "  " + $0 }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
