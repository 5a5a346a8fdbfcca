import AttuneModel

/// Heart rate around the look-aways of scene A (the caregiver waits),
/// moment by moment: how it moves in the 2 s before a look-away to calm
/// down and during it, and how often such look-aways start from delight.
struct LookAwayTraces: Sendable {
    /// Per look-away to calm down: heart rate at its start minus 2 s before.
    var riseBefore: [Double] = []
    /// Per look-away to calm down that ended with a look back: heart rate at
    /// its end minus at its start.
    var changeDuring: [Double] = []
    /// Look-aways to calm down begun while smiling or cooing, per minute of
    /// smiling or cooing, over those begun while engaged, per minute engaged.
    var delightRatio: Double = .nan

    /// Measures them once per lab.
    static func measure(_ lab: FindingLab) throws -> LookAwayTraces {
        try lab.memo("look-away traces") {
            var result = LookAwayTraces()
            let plan = try lab.plan("scene-a-waits")
            let window = max(1, Int((2 / plan.stepSeconds).rounded()))
            var history = [Double]()
            var startRate: Double?
            var lastBehavior = Behavior.engaged
            var lastRun = -1
            var fromDelight = 0.0, fromEngaged = 0.0, delightSteps = 0.0, engagedSteps = 0.0
            try lab.trace("scene-a-waits", runs: min(lab.runs, 60)) { run, simulation, events in
                if run != lastRun {
                    history = []
                    startRate = nil
                    lastBehavior = .engaged
                    lastRun = run
                }
                let infant = simulation.dyads[0].infant
                if lastBehavior == .smiling || lastBehavior == .cooing { delightSteps += 1 }
                if lastBehavior == .engaged { engagedSteps += 1 }
                if events.contains(.infantLooksAway) && infant.behavior == .lookingAway {
                    if history.count >= window { result.riseBefore.append(infant.heartRate - history[history.count - window]) }
                    startRate = infant.heartRate
                    if lastBehavior == .smiling || lastBehavior == .cooing { fromDelight += 1 }
                    if lastBehavior == .engaged { fromEngaged += 1 }
                }
                if events.contains(.infantLooksBack), let start = startRate {
                    result.changeDuring.append(infant.heartRate - start)
                    startRate = nil
                }
                if events.contains(.infantLooksAway) && infant.behavior != .lookingAway { startRate = nil }
                history.append(infant.heartRate)
                if history.count > 4 * window { history.removeFirst(history.count - 2 * window) }
                lastBehavior = infant.behavior
            }
            if delightSteps > 0 && engagedSteps > 0 && fromEngaged > 0 {
                result.delightRatio = (fromDelight / delightSteps) / (fromEngaged / engagedSteps)
            } else if delightSteps > 0 && fromDelight > 0 {
                result.delightRatio = .infinity
            }
            return result
        }
    }
}

/// How soon an attuned caregiver greets the baby's return.
enum GreetingTimes {
    /// Per baby of scene A: the median seconds from the baby's looking back
    /// to her greeting (returns she did not greet within 10 s are left out).
    static func medians(_ lab: FindingLab) throws -> [Double] {
        let plan = try lab.plan("scene-a-waits")
        var perRun: [Int: [Double]] = [:]
        var since: Double?
        var lastRun = -1
        try lab.trace("scene-a-waits", runs: min(lab.runs, 60)) { run, simulation, events in
            if run != lastRun {
                since = nil
                lastRun = run
            }
            if events.contains(.infantLooksBack) { since = 0 }
            guard var waited = since else { return }
            waited += plan.stepSeconds
            if simulation.dyads[0].caregiver.action == .greet {
                perRun[run, default: []].append(waited)
                since = nil
            } else if waited > 10 || simulation.dyads[0].infant.gaze != .atCaregiver {
                since = nil
            } else {
                since = waited
            }
        }
        return perRun.keys.sorted().compactMap { PhaseMetrics.median(perRun[$0]!) }
    }
}

/// Trust at the end of a month of daily sessions with one caregiver.
enum DaysTrust {
    /// Per history: trust at the end of day `days` of scene A with a
    /// caregiver of `policy`.
    static func after(_ lab: FindingLab, policy: String, days: Int) throws -> [Double] {
        try after(lab, set: ["dyads.0.caregiver.policy=\(policy)"], days: days)
    }

    /// Per history: trust at the end of day `days` of scene A with `set`.
    static func after(_ lab: FindingLab, set: [String], days: Int) throws -> [Double] {
        var plan = try lab.plan("scene-a-waits", set)
        plan.population = .default
        let histories = min(lab.runs, 40)
        var out = [Double]()
        for run in 0..<histories {
            let historySeed = lab.firstSeed &+ UInt64(run) &* DaysRunner.runSeedStride
            var baby = plan.population.draw(around: plan.infant, seed: historySeed)
            for day in 0..<days {
                var session = plan
                session.infant = baby
                session.population = InfantPopulation()
                var simulation = Simulation(plan: session, seed: historySeed &+ UInt64(day))
                simulation.runToEnd()
                baby.trust = simulation.dyads[0].metrics.last!.trustEnd
            }
            out.append(baby.trust)
        }
        return out
    }
}
