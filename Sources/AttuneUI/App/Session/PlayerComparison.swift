import AttuneModel

/// What a caregiver did around the baby's look-aways, and how the pair
/// fared, over a set of steps of a run: the player's own figures, or those
/// of the caregiver who stands in for them (``Timeline/standIn(for:policy:)``).
public struct CaregiverFigures: Hashable, Sendable {
    /// Seconds of the run counted.
    public var seconds: Double
    /// Look-aways that began in the steps counted.
    public var lookAways: Int
    /// Of those, the ones during which she sat back (waited or soothed).
    public var satBack: Int
    /// The median time from a look-away's start to her sitting back,
    /// seconds (nil when she never did).
    public var medianSitBack: Double?
    /// The median pause she gave: from sitting back until she reached in
    /// again (leaned in, played, greeted) or the baby came back, seconds;
    /// 0 for a look-away she did not sit back in (nil without look-aways).
    public var medianWait: Double?
    /// Look-aways she waited through: she sat back and did not reach in
    /// again before the baby came back.
    public var waitedThrough: Int
    /// Look-aways during which she leaned in.
    public var leanedIn: Int
    /// Look-aways the baby came back from on its own: nobody leaning in
    /// as it turned back, nor in the second before.
    public var cameBackOnOwn: Int
    /// Repairs made: the pair back in step after a rupture.
    public var repairs: Int
    /// The median time a repair took, seconds (nil without repairs).
    public var medianRepair: Double?
    /// The share of the time the pair was in step, 0...100.
    public var inStepPercent: Double
    /// Seconds the baby was upset (fussing, crying, pushing away).
    public var upsetSeconds: Double

    /// The figures of `dyad` in `timeline` over the steps where `counted`
    /// is true (indexed by step; steps beyond it are not counted), up to the
    /// current step.
    public init(timeline: Timeline, dyad d: Int, counted: [Bool]) {
        let dt = timeline.stepSeconds
        let count = min(timeline.cursor, timeline.recordedSteps, counted.count)
        var steps = 0
        var inStep = 0
        var upset = 0
        var lookAways = 0
        var satBack = 0
        var sitBacks: [Double] = []
        var waits: [Double] = []
        var waitedThrough = 0
        var leanedIn = 0
        var onOwn = 0
        var repairs: [Double] = []
        // The look-away in progress.
        var start: Int?
        var sat: Int?
        var reached: Int?
        var leaned = false
        var lastIntrusion = -1_000_000
        var outOfStepSince: Int?
        var previousGaze = Gaze.atCaregiver
        var previousAction = CaregiverAction.play
        for j in 0..<count {
            let s = timeline.sample(step: j, dyad: d)
            defer {
                previousGaze = s.gaze
                previousAction = s.action
            }
            if s.action == .intrude { lastIntrusion = j }
            if s.coordinated {
                if s.events.contains(.repair), counted[j], let since = outOfStepSince { repairs.append(Double(j - since) * dt) }
                outOfStepSince = nil
            } else if outOfStepSince == nil {
                outOfStepSince = j
            }
            if counted[j] {
                steps += 1
                if s.coordinated { inStep += 1 }
                if s.behavior.isDistress { upset += 1 }
            }
            if previousGaze == .atCaregiver && s.gaze != .atCaregiver {
                start = counted[j] ? j : nil
                sat = nil
                reached = nil
                leaned = false
            }
            guard let begun = start else { continue }
            if s.gaze != .atCaregiver {
                if s.action == .intrude { leaned = true }
                if sat == nil && (s.action == .wait || s.action == .soothe) { sat = j }
                if let sat, reached == nil, j > sat, Coach.reachesIn(s.action), s.action != previousAction { reached = j }
                continue
            }
            // The baby turned back at step j.
            lookAways += 1
            if leaned { leanedIn += 1 }
            if let sat {
                satBack += 1
                sitBacks.append(Double(sat - begun) * dt)
                waits.append(Double((reached ?? j) - sat) * dt)
                if reached == nil { waitedThrough += 1 }
            } else {
                waits.append(0)
            }
            if s.action != .intrude && j - lastIntrusion > Int((1 / dt).rounded()) { onOwn += 1 }
            start = nil
        }
        seconds = Double(steps) * dt
        self.lookAways = lookAways
        self.satBack = satBack
        medianSitBack = Statistics.median(sitBacks)
        medianWait = Statistics.median(waits)
        self.waitedThrough = waitedThrough
        self.leanedIn = leanedIn
        cameBackOnOwn = onOwn
        self.repairs = repairs.count
        medianRepair = Statistics.median(repairs)
        inStepPercent = steps == 0 ? 0 : 100 * Double(inStep) / Double(steps)
        upsetSeconds = Double(upset) * dt
    }

    /// The median of `values`, or nil when there are none.
    enum Statistics {
        static func median(_ values: [Double]) -> Double? {
            guard !values.isEmpty else { return nil }
            let sorted = values.sorted()
            let middle = sorted.count / 2
            return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        }
    }
}

/// The player set beside another caregiver — the attuned one — with the
/// same baby and the same seed, over the stretch the player had her
/// place: the end of the debrief of a run played from the keyboard.
public struct PlayerComparison: Hashable, Sendable {
    /// The dyad's label.
    public var label: String
    /// The policy set beside the player.
    public var other: Policy
    /// When the player first had her place, seconds into the run.
    public var from: Double
    /// When the player last had her place (the end of that step), seconds
    /// into the run.
    public var to: Double
    /// The player's figures.
    public var player: CaregiverFigures
    /// The other caregiver's figures over the same steps.
    public var standIn: CaregiverFigures

    /// The fewest seconds in her place that make a comparison.
    public static let minimumSeconds = 5.0

    /// One comparison per dyad the keyboard had for at least
    /// ``minimumSeconds`` up to the current step, made by running the same
    /// scenario and seed with `other` in the player's place
    /// (``Timeline/standIn(for:policy:)``); empty when there is none.
    public static func all(timeline: Timeline, other: Policy = .attuned) -> [PlayerComparison] {
        let count = min(timeline.cursor, timeline.recordedSteps)
        let dt = timeline.stepSeconds
        let masks = (0..<timeline.dyadCount).map { d in (0..<count).map { timeline.sample(step: $0, dyad: d).policy == .human } }
        let held = masks.indices.filter { Double(masks[$0].filter { $0 }.count) * dt >= minimumSeconds - 1e-9 }
        guard !held.isEmpty else { return [] }
        let standIn = Timeline.standIn(for: timeline, policy: other)
        return held.map { d in
            let mask = masks[d]
            let first = mask.firstIndex(of: true) ?? 0
            let last = mask.lastIndex(of: true) ?? 0
            return PlayerComparison(
                label: timeline.scenario.plan.dyads[d].label, other: other, from: Double(first) * dt, to: Double(last + 1) * dt,
                player: CaregiverFigures(timeline: timeline, dyad: d, counted: mask),
                standIn: CaregiverFigures(timeline: standIn, dyad: d, counted: mask))
        }
    }

    /// The two columns, row by row: label, the player's value, the other's.
    public var rows: [(label: String, player: String, other: String)] {
        func both(_ label: String, _ value: (CaregiverFigures) -> String) -> (label: String, player: String, other: String) {
            (label, value(player), value(standIn))
        }
        func seconds(_ value: Double?) -> String { value.map(TextFormatting.seconds) ?? "-" }
        return [
            both("look-aways") { "\($0.lookAways)" },
            both("sat back after a look-away (median)") { seconds($0.medianSitBack) },
            both("waited before reaching in (median)") { seconds($0.medianWait) },
            both("waited until it came back") { "\($0.waitedThrough)" },
            both("leaned in while it was turned away") { "\($0.leanedIn)" },
            both("came back on its own") { "\($0.cameBackOnOwn)" },
            both("repairs") { "\($0.repairs)" },
            both("median repair time") { seconds($0.medianRepair) },
            both("time in step") { TextFormatting.percent($0.inStepPercent) },
            both("time upset") { TextFormatting.seconds($0.upsetSeconds) },
        ]
    }

    /// The column heads: "you", and the other caregiver ("attuned").
    public var heads: (player: String, other: String) { ("you", "\(other.word) caregiver") }

    /// The table as aligned text lines.
    public var table: [String] {
        let all = rows
        let labelWidth = (all.map(\.label.count).max() ?? 0) + 2
        let heads = self.heads
        let playerWidth = max(8, heads.player.count + 2)
        let otherWidth = max(8, heads.other.count + 2)
        func pad(_ text: String, _ width: Int, right: Bool) -> String {
            let spaces = String(repeating: " ", count: max(0, width - text.count))
            return right ? spaces + text : text + spaces
        }
        var lines = [
            pad("", labelWidth, right: false) + pad(heads.player, playerWidth, right: true) + pad(heads.other, otherWidth, right: true)
        ]
        for row in all {
            lines.append(
                pad(row.label, labelWidth, right: false) + pad(row.player, playerWidth, right: true)
                    + pad(row.other, otherWidth, right: true))
        }
        return lines
    }

    /// What the table says, in a few plain sentences, ending with the
    /// player's repairs. It describes; it does not grade.
    public var summary: String {
        let other = "the \(self.other.word) caregiver"
        var sentences: [String] = []
        let stretch = "\(TextFormatting.clock(from)) to \(TextFormatting.clock(to))"
        if player.lookAways == 0 {
            sentences.append("While you had her place (\(stretch)), the baby did not look away and come back.")
        } else {
            var text =
                "While you had her place (\(stretch)), the baby looked away and came back \(DebriefReport.times(player.lookAways))."
            if let sit = player.medianSitBack {
                text +=
                    player.satBack == 1
                    ? " You sat back once, \(TextFormatting.seconds(sit)) after it looked away"
                    : " You usually sat back \(TextFormatting.seconds(sit)) after it looked away"
                text += player.waitedThrough == player.lookAways ? ", and waited until it came back every time." : "."
            } else {
                text += " You did not sit back while it was turned away."
            }
            sentences.append(text)
        }
        var theirs = "With the same baby and the same seed, \(other)"
        if standIn.lookAways == 0 {
            theirs += " saw no look-away come to an end in that time."
        } else if let sit = standIn.medianSitBack {
            theirs +=
                standIn.satBack == 1
                ? " sat back once, \(TextFormatting.seconds(sit)) after a look-away"
                : " usually sat back \(TextFormatting.seconds(sit)) after a look-away"
            theirs += standIn.waitedThrough == standIn.lookAways ? " and waited until the baby came back" : ""
            theirs +=
                "; the baby came back on its own \(standIn.cameBackOnOwn) of \(standIn.lookAways) \(standIn.lookAways == 1 ? "time" : "times")."
        } else {
            theirs += " did not sit back during the look-aways."
        }
        sentences.append(theirs)
        sentences.append(
            "The pair was in step \(TextFormatting.percent(player.inStepPercent)) of the time with you, \(TextFormatting.percent(standIn.inStepPercent)) with \(other)."
        )
        switch player.repairs {
        case 0:
            sentences.append(
                "A repair is the two of you finding your way back into step after falling out of it; there is always a next one to make.")
        case 1:
            sentences.append("You made one repair: the two of you found your way back into step. That is what builds trust.")
        default:
            sentences.append(
                "You made \(player.repairs) repairs: each time, the two of you found your way back into step. That is what builds trust.")
        }
        return sentences.joined(separator: " ")
    }
}
