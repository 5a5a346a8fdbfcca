import AttuneModel
import Testing

@testable import AttuneLab

/// Paired effect sizes (Cohen's d_av) and their bootstrap intervals, as the
/// batch summary gives them.
@Suite("Paired effect sizes")
struct EffectSizeTests {
    /// `n` pairs: A normal with mean `shift` and sd 1, B = 0.5·A' + noise,
    /// drawn from a fixed stream, so that A and B are correlated.
    static func pairs(_ n: Int, shift: Double, seed: UInt64 = 7) -> (a: [Double], b: [Double]) {
        var random = RandomSource(seed: seed)
        var a = [Double]()
        var b = [Double]()
        for _ in 0..<n {
            let common = random.normal()
            a.append(shift + (0.8 * common + 0.6 * random.normal()))
            b.append(2 * (0.8 * common + 0.6 * random.normal()))
        }
        return (a, b)
    }

    /// d_av worked out directly: difference of the means over the mean of
    /// the two sample standard deviations.
    static func dav(_ a: [Double], _ b: [Double]) -> Double {
        func sd(_ x: [Double]) -> Double {
            let m = x.reduce(0, +) / Double(x.count)
            return (x.map { ($0 - m) * ($0 - m) }.reduce(0, +) / Double(x.count - 1)).squareRoot()
        }
        let difference = a.reduce(0, +) / Double(a.count) - b.reduce(0, +) / Double(b.count)
        return difference / ((sd(a) + sd(b)) / 2)
    }

    /// The classic paired bootstrap of d_av: n pairs drawn with
    /// replacement, `resamples` times; the 2.5th and 97.5th percentiles.
    static func classicInterval(_ a: [Double], _ b: [Double], resamples: Int = 2000) -> ClosedRange<Double> {
        var random = RandomSource(seed: 99)
        var ds = [Double]()
        for _ in 0..<resamples {
            var ra = [Double]()
            var rb = [Double]()
            for _ in a.indices {
                let i = Int(random.next() % UInt64(a.count))
                ra.append(a[i])
                rb.append(b[i])
            }
            ds.append(dav(ra, rb))
        }
        ds.sort()
        return ds[Int(Double(ds.count - 1) * 0.025)]...ds[Int(Double(ds.count - 1) * 0.975)]
    }

    /// Running effects over two places and one figure.
    static func effects(_ a: [Double], _ b: [Double]) -> PairedEffects {
        var effects = PairedEffects(places: 2, figures: 1)
        for i in a.indices { effects.add([a[i], b[i]], seed: UInt64(i)) }
        return effects
    }

    @Test("d is the difference of the means over the mean of the two standard deviations")
    func pointEstimate() throws {
        let (a, b) = Self.pairs(300, shift: 1)
        let effect = Self.effects(a, b).effect(0, against: 1, figure: 0)
        let d = try #require(effect.d)
        #expect(abs(d - Self.dav(a, b)) < 1e-9)
        #expect(effect.runs == 300)
        #expect(abs(effect.meanA - a.reduce(0, +) / 300) < 1e-9)
        #expect(abs(try #require(PairedEffects.dav(difference: 3, sdA: 1, sdB: 2)) - 2) < 1e-12)
        #expect(PairedEffects.dav(difference: 3, sdA: 0, sdB: 0) == nil)
        // Against itself the other way round, d changes sign.
        let back = try #require(Self.effects(a, b).effect(1, against: 0, figure: 0).d)
        #expect(abs(back + d) < 1e-12)
    }

    @Test("the interval holds d and matches the classic paired bootstrap")
    func intervalMatchesBootstrap() throws {
        for shift in [0.0, 0.5, 2.0] {
            let (a, b) = Self.pairs(400, shift: shift, seed: UInt64(shift * 10) + 1)
            let effect = Self.effects(a, b).effect(0, against: 1, figure: 0)
            let d = try #require(effect.d)
            let interval = try #require(effect.interval)
            #expect(interval.contains(d))
            let classic = Self.classicInterval(a, b)
            #expect(abs(interval.lowerBound - classic.lowerBound) < 0.05, "shift \(shift): \(interval) against \(classic)")
            #expect(abs(interval.upperBound - classic.upperBound) < 0.05, "shift \(shift): \(interval) against \(classic)")
        }
    }

    @Test("pairing narrows the interval: the same values paired by chance give a wider one")
    func pairingMatters() throws {
        let (a, b) = Self.pairs(400, shift: 0.5)
        let paired = try #require(Self.effects(a, b).effect(0, against: 1, figure: 0).interval)
        let unpaired = try #require(Self.effects(a, b.reversed()).effect(0, against: 1, figure: 0).interval)
        #expect(paired.upperBound - paired.lowerBound < 0.8 * (unpaired.upperBound - unpaired.lowerBound))
    }

    @Test("the same runs give the same interval; a run's weights come from its own seed")
    func reproducible() {
        let (a, b) = Self.pairs(50, shift: 1)
        let first = Self.effects(a, b).effect(0, against: 1, figure: 0)
        #expect(first == Self.effects(a, b).effect(0, against: 1, figure: 0))
        var shuffled = PairedEffects(places: 2, figures: 1)
        for i in a.indices { shuffled.add([a[i], b[i]], seed: UInt64(i) + 1000) }
        #expect(shuffled.effect(0, against: 1, figure: 0).d == first.d)
        #expect(shuffled.effect(0, against: 1, figure: 0).interval != first.interval)
    }

    @Test("no spread in either place gives no d; one run gives no d; Poisson weights have mean 1")
    func edges() {
        let flat = Self.effects([1, 1, 1], [2, 2, 2]).effect(0, against: 1, figure: 0)
        #expect(flat.d == nil && flat.interval == nil)
        let one = Self.effects([1], [2]).effect(0, against: 1, figure: 0)
        #expect(one.d == nil && one.sdA == nil && one.runs == 1)
        var random = RandomSource(seed: 5)
        let draws = (0..<20_000).map { _ in Double(PairedEffects.poisson(&random)) }
        let mean = draws.reduce(0, +) / Double(draws.count)
        let variance = draws.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(draws.count - 1)
        #expect(abs(mean - 1) < 0.03)
        #expect(abs(variance - 1) < 0.05)
    }

    @Test("the summary compares later phases with the first and the one before, then each dyad with the first")
    func comparisons() {
        let plan = RunPlan(
            infant: InfantParameters(),
            dyads: [
                DyadPlan(label: "A", caregiver: CaregiverSettings(policy: .attuned)),
                DyadPlan(label: "B", caregiver: CaregiverSettings(policy: .intrusive)),
            ],
            phases: [
                PhasePlan(name: "play", durationSeconds: 5), PhasePlan(name: "still", durationSeconds: 5),
                PhasePlan(name: "reunion", durationSeconds: 5),
            ])
        let words = EffectComparison.all(in: plan).map { $0.heading(in: plan) }
        #expect(
            words == [
                "\"still\" against \"play\" (A)", "\"reunion\" against \"play\" (A)", "\"reunion\" against \"still\" (A)",
                "\"still\" against \"play\" (B)", "\"reunion\" against \"play\" (B)", "\"reunion\" against \"still\" (B)",
                "\"B\" against \"A\" (phase \"play\")", "\"B\" against \"A\" (phase \"still\")", "\"B\" against \"A\" (phase \"reunion\")",
            ])
        var single = plan
        single.dyads.removeLast()
        single.phases.removeLast(2)
        #expect(EffectComparison.all(in: single).isEmpty)
    }

    @Test("the batch summary's effect sizes are those of its runs' values, in text and rows")
    func summaryEffects() throws {
        let plan = TestPlans.waitOrChase
        let runner = try BatchRunner(plan: plan, runs: 12, firstSeed: 3, threads: 2)
        var summary = BatchSummary(plan: plan)
        var gaze: [[Double]] = [[], [], [], []]  // places: Waits play, Waits still-face, Chases play, Chases still-face
        runner.run { run in
            summary.add(run)
            for d in 0..<2 {
                for p in 0..<2 { gaze[d * 2 + p].append(Figures.gazeAtCaregiver.value(run.metrics[d][p])!) }
            }
        }
        let stillAgainstPlay = try #require(summary.comparisons.first)
        #expect(stillAgainstPlay == EffectComparison(dyad: 0, phase: 1, againstDyad: 0, againstPhase: 0))
        let d = try #require(summary.effect(stillAgainstPlay, figure: 0)?.d)
        #expect(abs(d - Self.dav(gaze[1], gaze[0])) < 1e-9)

        let text = summary.render(title: "T")
        #expect(text.contains("Effect sizes: Cohen's d_av, each run a pair (the same baby and seed in both)."))
        #expect(text.contains("\n\"still-face\" against \"play\" (Waits)\n"))
        #expect(text.contains("\n\"Chases\" against \"Waits\" (phase \"play\")\n"))
        let lines = text.split(separator: "\n").map(String.init)
        let heading = try #require(lines.firstIndex(of: "\"still-face\" against \"play\" (Waits)"))
        let gazeLine = lines[heading + 1]
        #expect(gazeLine.hasPrefix("Looking at the caregiver, %"))
        #expect(gazeLine.contains(" " + Field.fixed(d, places: 2) + " ("))

        let rows = EffectColumns.rows(of: summary)
        #expect(rows.count == summary.comparisons.count * EffectFigures.all.count)
        #expect(rows.allSatisfy { $0.count == EffectColumns.names.count })
        #expect(
            rows[0][0...5] == [
                .text("Waits"), .text("still-face"), .text("Waits"), .text("play"), .text("gaze_at_caregiver_pct"), .integer(12),
            ])
        #expect(rows[0][10] == .decimal(d, places: 3))
    }

    @Test("one run: the summary says effect sizes need two; one dyad and one phase: no effect sizes at all")
    func tooFew() throws {
        var summary = BatchSummary(plan: TestPlans.waitOrChase)
        try BatchRunner(plan: TestPlans.waitOrChase, runs: 1, firstSeed: 1).run { summary.add($0) }
        #expect(summary.render(title: "").contains("They need at least two runs."))
        var single = BatchSummary(plan: TestPlans.human)
        #expect(single.comparisons.isEmpty)
        single.add(BatchRun(run: 1, seed: 1, metrics: [[PhaseMetrics(stepSeconds: 0.1)]]))
        #expect(!single.render(title: "").contains("Effect sizes"))
        #expect(EffectColumns.rows(of: single).isEmpty)
    }
}
