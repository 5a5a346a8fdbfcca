import AttuneModel
import AttuneScenario

/// What happened in a room, in plain words: what the babies shared (how
/// the room moved from one phase to the next, or from one caregiver to the
/// other, and how many babies moved the same way), how they differed by
/// temperament (who was upset longest, who found the way back fastest),
/// the room's figures per phase (the means `attune batch` gives for the
/// same seeds), the paths tried, and what a repair looks like.
///
/// Made once, from a ``RoomTimeline`` at its current step. It describes;
/// it never blames, and it speaks of babies by number and temperament.
public struct RoomReport: Hashable, Sendable {
    /// One block of the page.
    public enum Block: Hashable, Sendable {
        /// A heading.
        case heading(String)
        /// A paragraph, wrapped to the page.
        case paragraph(String)
        /// A muted paragraph (how the room was made).
        case note(String)
        /// A line of a table, kept as it is.
        case table(String)
        /// A blank line.
        case blank
    }

    /// The scenario's title.
    public var title: String
    /// The page, block by block.
    public var blocks: [Block]

    /// The debrief of `timeline` up to its current step, with the paths
    /// tried before (`branches`, oldest first; the current path is added
    /// when there are any).
    public init(timeline: RoomTimeline, branches: [RoomBranch] = []) {
        title = timeline.scenario.title
        var out: [Block] = []
        let plan = timeline.scenario.plan
        let room = timeline.now.room
        let metrics = room.metrics
        let n = room.count
        let last = room.firstSeed &+ UInt64(n - 1)
        let stopped = timeline.seconds + 1e-9 < timeline.totalSeconds
        let population = plan.population == .default ? " --population default" : ""
        out.append(
            .note(
                "A room of \(n) \(n == 1 ? "baby" : "babies"), with \(n > 1 ? "seeds \(room.firstSeed) to \(last)" : "seed \(room.firstSeed)") "
                    + "(baby i is run i of `attune batch \(timeline.scenario.name)\(population) --runs \(n) --seed \(room.firstSeed)`). "
                    + "The room ran \(TextFormatting.clock(timeline.seconds))\(stopped ? " of \(TextFormatting.clock(timeline.totalSeconds))" : ""). "
                    + "Here is what the babies shared, and how they differed."))
        out.append(.blank)

        out.append(.heading("What they shared"))
        for sentence in Self.shared(metrics: metrics, plan: plan, phasesReached: room.phaseIndex + 1) {
            out.append(.paragraph(sentence))
        }
        out.append(.blank)

        out.append(.heading("How they differed"))
        for d in plan.dyads.indices {
            if plan.dyads.count > 1 { out.append(.paragraph("With \(plan.dyads[d].label):")) }
            for sentence in Self.differed(babies: room.babies, dyad: d) { out.append(.paragraph(sentence)) }
        }
        out.append(.paragraph(Self.everyBaby))
        out.append(.blank)

        out.append(.heading("The figures"))
        out.append(.paragraph(Self.figuresIntro))
        for line in Self.figureTable(metrics: metrics, plan: plan, phasesReached: room.phaseIndex + 1) { out.append(.table(line)) }
        out.append(.blank)

        if !branches.isEmpty {
            let all = branches + [RoomBranch(timeline: timeline)]
            out.append(.heading("The paths you tried"))
            out.append(.paragraph("Each path's figures are means over the babies for the whole run so far."))
            for line in Self.branchTable(all, plan: plan) { out.append(.table(line)) }
            out.append(.blank)
        }

        out.append(.heading("What a repair looks like"))
        var closing = DebriefReport.closing.replacingPrefix("What a repair looks like: ")
        closing = closing.prefix(1).uppercased() + closing.dropFirst()
        out.append(.paragraph(closing))
        blocks = out
    }

    /// The closing of "How they differed".
    static let everyBaby =
        "Every baby is different: some are stirred easily, some settle quickly, and the same moment asks more of some than of others. "
        + "The pattern is the same for all of them."

    /// What the figures table is.
    static let figuresIntro =
        "Each figure is the mean over the babies; `attune batch` gives the same means for the same seeds."

    // MARK: - What they shared

    /// A figure the room compares, with the words for it.
    struct Compared {
        var figure: Figure
        /// "looking at her"
        var name: String
        /// Decimal places of the numbers.
        var places: Int
        /// " bpm", or "%".
        var unit: String
    }

    static let compared: [Compared] = [
        Compared(figure: Figures.gazeAtCaregiver, name: "looking at her", places: 0, unit: "%"),
        Compared(figure: Figures.positiveAffect, name: "smiling", places: 0, unit: "%"),
        Compared(figure: Figures.negativeAffect, name: "upset", places: 0, unit: "%"),
        Compared(figure: Figures.meanHeartRate, name: "the heart rate", places: 0, unit: " bpm"),
    ]

    /// The sentences of "What they shared": each later phase against the
    /// first, then each caregiver against the first, and how many babies
    /// found their way back.
    static func shared(metrics: [[[PhaseMetrics]]], plan: RunPlan, phasesReached: Int) -> [String] {
        var sentences: [String] = []
        let n = metrics.count
        let phases = min(phasesReached, plan.phases.count)
        for d in plan.dyads.indices {
            let who = plan.dyads.count > 1 ? " with \(plan.dyads[d].label)" : ""
            for p in 1..<max(1, phases) {
                let parts = compared.compactMap {
                    comparison($0, metrics: metrics, a: (d, p), b: (d, 0))
                }
                guard !parts.isEmpty else { continue }
                sentences.append(
                    "In \"\(plan.phases[p].name)\"\(who), against \"\(plan.phases[0].name)\": " + parts.joined(separator: "; ") + ".")
            }
        }
        for d in plan.dyads.indices.dropFirst() {
            for p in 0..<phases {
                let parts = compared.compactMap {
                    comparison($0, metrics: metrics, a: (d, p), b: (0, p))
                }
                guard !parts.isEmpty else { continue }
                let when = plan.phases.count > 1 ? " in \"\(plan.phases[p].name)\"" : ""
                sentences.append(
                    "With \(plan.dyads[d].label) against \(plan.dyads[0].label)\(when): " + parts.joined(separator: "; ") + ".")
            }
        }
        for d in plan.dyads.indices {
            let whole = RoomFigures.wholeRun(of: metrics, dyad: d)
            let fell = whole.filter { $0.ruptures > 0 }.count
            let repaired = whole.filter { $0.repairs > 0 }.count
            let who = plan.dyads.count > 1 ? " with \(plan.dyads[d].label)" : ""
            if fell == 0 {
                sentences.append("Every pair\(who) stayed in step throughout.")
            } else {
                sentences.append(
                    "\(count(fell, of: n, capital: true)) fell out of step\(who) at some point, and \(count(repaired, of: fell)) found the way back at least once: ruptures are part of every relationship, and so are repairs."
                )
            }
        }
        if sentences.isEmpty {
            sentences.append("The room has only just begun.")
        }
        return sentences
    }

    /// "looking at her fell from 71% to 34% on average (23 of 24 babies
    /// looked less)", or nil when the room's mean hardly moved.
    static func comparison(_ c: Compared, metrics: [[[PhaseMetrics]]], a: (Int, Int), b: (Int, Int)) -> String? {
        guard let now = RoomFigures.mean(c.figure, of: metrics, dyad: a.0, phase: a.1),
            let then = RoomFigures.mean(c.figure, of: metrics, dyad: b.0, phase: b.1)
        else { return nil }
        let shownNow = TextFormatting.fixed(now.mean, c.places)
        let shownThen = TextFormatting.fixed(then.mean, c.places)
        guard shownNow != shownThen else { return "\(c.name) stayed at \(shownNow)\(c.unit) on average" }
        let rose = now.mean > then.mean
        var moved = 0
        var pairs = 0
        for baby in metrics {
            guard let x = c.figure.value(baby[a.0][a.1]), let y = c.figure.value(baby[b.0][b.1]) else { continue }
            pairs += 1
            if rose ? x > y : x < y { moved += 1 }
        }
        return "\(c.name) \(rose ? "rose" : "fell") from \(shownThen)\(c.unit) to \(shownNow)\(c.unit) on average "
            + "(\(moved) of \(pairs) \(pairs == 1 ? "baby" : "babies"))"
    }

    /// "23 of 24 babies", "every baby", "no baby".
    static func count(_ k: Int, of n: Int, capital: Bool = false) -> String {
        let text: String
        if k == n && n > 1 {
            text = "every one of the \(n) babies"
        } else if k == 0 {
            text = "no baby"
        } else {
            text = "\(k) of \(n) \(n == 1 ? "baby" : "babies")"
        }
        return capital ? text.prefix(1).uppercased() + text.dropFirst() : text
    }

    // MARK: - How they differed

    /// A baby's temperament in words, with its number: "baby 12 (easily
    /// stirred, slow to settle)".
    static func named(_ baby: Int, _ infant: InfantParameters) -> String {
        "baby \(baby + 1) (\(Temperament.temper(reactivity: infant.reactivity, soothability: infant.soothability)))"
    }

    /// The sentences of "How they differed" for dyad `dyad`.
    static func differed(babies: [Simulation], dyad: Int) -> [String] {
        var sentences: [String] = []
        let whole = babies.map { PhaseMetrics.combined($0.dyads[dyad].metrics) }
        let infants = babies.map(\.infant)
        let dt = whole.first?.stepSeconds ?? 0.1
        let upset = whole.map { Double($0.negativeSteps) * dt }
        let order = upset.indices.sorted { upset[$0] != upset[$1] ? upset[$0] > upset[$1] : $0 < $1 }
        let upsetOnes = order.filter { upset[$0] >= 0.05 }
        if upsetOnes.isEmpty {
            sentences.append("No baby was upset (fussing, crying or protesting).")
        } else {
            let top = upsetOnes.prefix(3).map { "\(named($0, infants[$0])), \(TextFormatting.seconds(upset[$0]))" }
            sentences.append("Upset longest (fussing, crying or protesting): " + list(top) + ".")
            let calm = order.reversed().prefix(3).filter { !upsetOnes.prefix(3).contains($0) }
            if !calm.isEmpty {
                let shown = calm.map {
                    upset[$0] < 0.05
                        ? "\(named($0, infants[$0])), not at all" : "\(named($0, infants[$0])), \(TextFormatting.seconds(upset[$0]))"
                }
                sentences.append("Upset least: " + list(shown) + ".")
            }
            let groups = groupSentence(
                infants.map { Temperament.level($0.reactivity) }, names: ("easily stirred", "in between", "calm"),
                values: upset.map { Optional($0) }, combine: mean, unit: { $0 < 0.05 ? "not at all" : TextFormatting.seconds($0) },
                lead: "By temperament, upset on average:")
            if let groups { sentences.append(groups) }
        }
        // Most repairs take a second or so, so medians tie; the share of a
        // baby's repairs made within a few seconds tells them apart, and a
        // long still face (one stretch, repaired at the reunion) weighs no
        // more than any other repair.
        let latencies = whole.map(\.repairLatencies)
        let quick = latencies.map { quickShare($0) }
        let repairing = quick.indices.filter { quick[$0] != nil }.sorted {
            quick[$0]! != quick[$1]! ? quick[$0]! > quick[$1]! : $0 < $1
        }
        if repairing.isEmpty {
            sentences.append("No pair has found its way back from a rupture yet.")
        } else {
            let top = repairing.prefix(3).map {
                "\(named($0, infants[$0])), \(TextFormatting.percent(quick[$0]! * 100)) of its repairs within \(Self.quickRepairText)"
            }
            sentences.append("Found the way back fastest: " + list(top) + ".")
            var pooled: [[Double]] = [[], [], []]
            var members = [0, 0, 0]
            for (b, infant) in infants.enumerated() {
                let k = slot(Temperament.level(infant.soothability), order: (.high, .middle, .low))
                pooled[k] += latencies[b]
                if !latencies[b].isEmpty { members[k] += 1 }
            }
            let names = ["quick to settle", "in between", "slow to settle"]
            let parts = (0..<3).compactMap { k -> String? in
                guard members[k] > 0, let share = quickShare(pooled[k]) else { return nil }
                return "the \(members[k]) \(names[k]) \(TextFormatting.percent(share * 100))"
            }
            if parts.count > 1 {
                sentences.append("By temperament, the share of repairs made within \(Self.quickRepairText): " + list(parts) + ".")
            }
        }
        // The babies are the same beside every caregiver: their resting
        // hearts are told once, with the first.
        let resting = babies.map { $0.dyads[dyad].traits.restingHeartRate }
        if dyad == 0, let low = resting.min(), let high = resting.max(), babies.count > 1 {
            sentences.append(
                "At rest their hearts beat from \(Int(low.rounded())) to \(Int(high.rounded())) bpm: the more easily stirred and the slower to settle, the faster. "
                    + "A cell's heart rate turns bold when it is well above the baby's own rest.")
        }
        return sentences
    }

    /// A repair this quick or quicker counts as quick, in seconds.
    static let quickRepairSeconds = 2.0
    /// ``quickRepairSeconds`` in words.
    static let quickRepairText = "2 s"

    /// The share (0...1) of `latencies` at most ``quickRepairSeconds``,
    /// or nil when there are none.
    static func quickShare(_ latencies: [Double]) -> Double? {
        guard !latencies.isEmpty else { return nil }
        return Double(latencies.filter { $0 <= quickRepairSeconds + 1e-9 }.count) / Double(latencies.count)
    }

    /// The index of a level in a group order.
    static func slot(_ level: Temperament.Level, order: (Temperament.Level, Temperament.Level, Temperament.Level)) -> Int {
        level == order.0 ? 0 : level == order.1 ? 1 : 2
    }

    static func mean(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }

    /// "By temperament, upset on average: the 6 easily stirred 41 s, the
    /// 13 in between 18 s, the 5 calm 6.0 s." or nil with only one group.
    static func groupSentence(
        _ levels: [Temperament.Level], names: (String, String, String), values: [Double?], combine: ([Double]) -> Double?,
        unit: (Double) -> String, lead: String
    ) -> String? {
        var groups: [[Double]] = [[], [], []]
        var members = [0, 0, 0]
        for (b, level) in levels.enumerated() {
            let k = slot(level, order: (.high, .middle, .low))
            members[k] += 1
            if let value = values[b] { groups[k].append(value) }
        }
        let labels = [names.0, names.1, names.2]
        let parts = (0..<3).compactMap { k -> String? in
            guard members[k] > 0, let value = combine(groups[k]) else { return nil }
            return "the \(members[k]) \(labels[k]) \(unit(value))"
        }
        return parts.count > 1 ? lead + " " + list(parts) + "." : nil
    }

    /// "a", "a; and b", "a; b; and c" (the items hold commas of their own).
    static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: ""
        case 1: items[0]
        case 2: items[0] + "; and " + items[1]
        default: items.dropLast().joined(separator: "; ") + "; and " + items.last!
        }
    }

    // MARK: - The figures

    /// The figures the table shows, in order.
    static let tableFigures: [Figure] = [
        Figures.gazeAtCaregiver, Figures.positiveAffect, Figures.negativeAffect, Figures.distress, Figures.meanHeartRate,
        Figures.coordinated, Figures.ruptures, Figures.repairs, Figures.medianRepair, Figures.lookAways, Figures.trustEnd,
    ]

    /// The table: a block per phase reached, a row per figure, a column per
    /// caregiver, each cell the mean over the babies.
    static func figureTable(metrics: [[[PhaseMetrics]]], plan: RunPlan, phasesReached: Int) -> [String] {
        let phases = min(max(1, phasesReached), plan.phases.count)
        let labelWidth = (tableFigures.map(\.label) + plan.phases.map { "Phase \"\($0.name)\"" }).map(\.count).max() ?? 0
        var cells: [[[String]]] = []
        for p in 0..<phases {
            cells.append(
                tableFigures.map { figure in
                    plan.dyads.indices.map { d in
                        RoomFigures.mean(figure, of: metrics, dyad: d, phase: p).map { TextFormatting.fixed($0.mean, figure.tablePlaces) }
                            ?? "-"
                    }
                })
        }
        let widths = plan.dyads.indices.map { d in
            max(plan.dyads[d].label.count, cells.flatMap { $0.map { $0[d].count } }.max() ?? 0)
        }
        func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
            let fill = String(repeating: " ", count: max(0, width - text.count))
            return right ? fill + text : text + fill
        }
        var lines: [String] = []
        for p in 0..<phases {
            var header = pad("Phase \"\(plan.phases[p].name)\"", labelWidth)
            for d in plan.dyads.indices { header += "   " + pad(plan.dyads[d].label, widths[d], right: true) }
            if p > 0 { lines.append("") }
            lines.append(header)
            for (row, figure) in tableFigures.enumerated() {
                var line = pad(figure.label, labelWidth)
                for d in plan.dyads.indices { line += "   " + pad(cells[p][row][d], widths[d], right: true) }
                lines.append(line)
            }
        }
        return lines
    }

    /// The paths tried, one row each: per caregiver, the room's mean share
    /// looking, upset, and ruptures per baby.
    static func branchTable(_ branches: [RoomBranch], plan: RunPlan) -> [String] {
        let nameWidth = max(4, branches.map(\.name.count).max() ?? 0)
        var header = "path" + String(repeating: " ", count: nameWidth - 4)
        for dyad in plan.dyads {
            let who = plan.dyads.count > 1 ? "\(dyad.label): " : ""
            header += "   \(who)looking  upset  ruptures"
        }
        var lines = [header]
        for branch in branches {
            var line = branch.name + String(repeating: " ", count: nameWidth - branch.name.count)
            for (d, dyad) in plan.dyads.enumerated() {
                let babies = branch.figures[d]
                let k = Double(max(1, babies.count))
                let looking = babies.map(\.gazeAtCaregiverPercent).reduce(0, +) / k
                let upset = babies.map(\.negativeAffectPercent).reduce(0, +) / k
                let ruptures = Double(babies.map(\.ruptures).reduce(0, +)) / k
                let who = plan.dyads.count > 1 ? String(repeating: " ", count: dyad.label.count + 2) : ""
                line +=
                    "   " + who + pad(TextFormatting.percent(looking), 7) + "  " + pad(TextFormatting.percent(upset), 5)
                    + "  " + pad(TextFormatting.fixed(ruptures, 1), 8)
            }
            lines.append(line)
        }
        return lines
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }

    /// The whole page as plain text, for printing after the screen closes.
    public var plainText: String {
        var out = "What happened in the room · \(title)\n\n"
        for block in blocks {
            switch block {
            case let .heading(text): out += text + "\n"
            case let .paragraph(text), let .note(text): out += TextFormatting.wrap(text, width: 78).joined(separator: "\n") + "\n"
            case let .table(text): out += "  " + text + "\n"
            case .blank: out += "\n"
            }
        }
        return out
    }
}
