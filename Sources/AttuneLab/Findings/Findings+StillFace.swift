import AttuneModel

extension Findings {
    /// The still-face scenario's phases.
    static let play = 0, stillPhase = 1, reunion = 2

    /// One figure of the still-face scenario in two phases, per baby.
    static func stillFace(_ lab: FindingLab, _ figure: Figure, _ a: Int, _ b: Int, _ set: [String] = []) throws -> ([Double], [Double]) {
        let runs = try lab.batch("still-face", set)
        return (runs.map { figure.value($0[0][a]) ?? 0 }, runs.map { figure.value($0[0][b]) ?? 0 })
    }

    /// Finding 4: the still face.
    static let stillFace: [Check] = [
        Check(
            id: "4a", finding: "Still face: less looking at her", source: "Tronick et al. 1978; Mesman et al. 2009",
            published: "gaze falls in the still face; about one standard deviation over studies", confirmed: false,
            measure: "Cohen's d of gaze, play over still face", target: 0.6...1.8, places: 2
        ) { lab in
            let (p, s) = try stillFace(lab, Figures.gazeAtCaregiver, play, stillPhase)
            return Measured.effect(p, s)
        },
        Check(
            id: "4b", finding: "Still face: less positive affect", source: "Mesman et al. 2009",
            published: "positive affect falls; about one standard deviation", confirmed: false,
            measure: "Cohen's d of positive affect, play over still face", target: 0.6...1.8, places: 2
        ) { lab in
            let (p, s) = try stillFace(lab, Figures.positiveAffect, play, stillPhase)
            return Measured.effect(p, s)
        },
        Check(
            id: "4c", finding: "Still face: more negative affect", source: "Mesman et al. 2009",
            published: "negative affect rises; a smaller effect than for gaze and positive affect", confirmed: false,
            measure: "Cohen's d of negative affect, still face over play", target: 0.4...1.8, places: 2
        ) { lab in
            let (s, p) = try stillFace(lab, Figures.negativeAffect, stillPhase, play)
            return Measured.effect(s, p)
        },
        Check(
            id: "4d", finding: "Still face: protest more than tears", source: "Tronick et al. 1978; Weinberg & Tronick 1996",
            published: "infants bid, then protest (fuss); crying is shown by a minority", confirmed: false,
            measure: "crying as a share of negative affect in the still face, %", target: 0...35
        ) { lab in
            let runs = try lab.batch("still-face")
            let crying = runs.map { Double($0[0][stillPhase].cryingSteps) }.reduce(0, +)
            let negative = runs.map { Double($0[0][stillPhase].negativeSteps) }.reduce(0, +)
            return Measured(value: negative > 0 ? 100 * crying / negative : 0)
        },
        Check(
            id: "4e", finding: "Still face: first bids, then protest, then withdrawal", source: "Tronick et al. 1978",
            published: "the infant first bids (smiles, coos), then protests, then withdraws", confirmed: false,
            measure: "babies whose still face shows a bid before any fussing, and fussing before any withdrawal, %",
            target: 70...100
        ) { lab in
            Measured.share(try StillFaceOrder.inOrder(lab))
        },
        Check(
            id: "4f", finding: "Reunion: positive affect recovers only partly", source: "Mesman et al. 2009",
            published: "positive affect in the reunion stays below the first play (carry-over, a small effect)",
            confirmed: false, measure: "Cohen's d of positive affect, play over reunion", target: 0.1...0.9, places: 2
        ) { lab in
            let (p, r) = try stillFace(lab, Figures.positiveAffect, play, reunion)
            return Measured.effect(p, r)
        },
        Check(
            id: "4g", finding: "Reunion: negative affect stays raised", source: "Mesman et al. 2009",
            published: "negative affect in the reunion stays above the first play (carry-over, a small effect)",
            confirmed: false, measure: "Cohen's d of negative affect, reunion over play", target: 0.1...0.9, places: 2
        ) { lab in
            let (r, p) = try stillFace(lab, Figures.negativeAffect, reunion, play)
            return Measured.effect(r, p)
        },
        Check(
            id: "4h", finding: "The effect holds for short still faces too", source: "Mesman et al. 2009",
            published: "the still-face effect holds regardless of episode lengths", confirmed: true,
            measure: "the smallest Cohen's d of positive affect (play over still face) with 30 s, 60 s and 120 s episodes",
            target: 0.4...3, places: 2
        ) { lab in
            var smallest = Double.infinity
            for seconds in ["30s", "60s", "120s"] {
                let set = ["phases.0.duration=\(seconds)", "phases.1.duration=\(seconds)", "phases.2.duration=\(seconds)"]
                let (p, s) = try stillFace(lab, Figures.positiveAffect, play, stillPhase, set)
                smallest = min(smallest, EffectSize.paired(p, s) ?? .nan)
            }
            return Measured(value: smallest)
        },
    ]

    /// Finding 8: heart rate and vagal tone in the still face.
    static let physiology: [Check] = [
        Check(
            id: "8a", finding: "Heart rate rises in the still face", source: "Haley & Stansbury 2003; Moore & Calkins 2004",
            published: "heart rate rises over play by a few beats a minute", confirmed: false,
            measure: "mean heart rate, still face minus play, bpm", target: 3...12
        ) { lab in
            let (s, p) = try stillFace(lab, Figures.meanHeartRate, stillPhase, play)
            return Measured.difference(s, p)
        },
        Check(
            id: "8b", finding: "Vagal tone falls in the still face", source: "Moore & Calkins 2004; Bazhenova et al. 2001",
            published: "RSA falls (vagal withdrawal) in the still face", confirmed: false,
            measure: "mean RSA, still face minus play, ln ms²", target: -1.5 ... -0.05, places: 2
        ) { lab in
            let (s, p) = try stillFace(lab, Figures.meanRSA, stillPhase, play)
            return Measured.difference(s, p)
        },
        Check(
            id: "8c", finding: "Heart rate recovers only partly at reunion", source: "Haley & Stansbury 2003; Jones-Mason et al. 2018",
            published: "heart rate in the reunion stays between play and still face", confirmed: false,
            measure: "reunion's heart-rate excess over play as a share of the still face's, %", target: 5...90
        ) { lab in
            let (s, p) = try stillFace(lab, Figures.meanHeartRate, stillPhase, play)
            let (r, _) = try stillFace(lab, Figures.meanHeartRate, reunion, play)
            guard let ms = Statistics.mean(zip(s, p).map { $0 - $1 }), let mr = Statistics.mean(zip(r, p).map { $0 - $1 }), ms > 0
            else { return Measured(value: .nan) }
            return Measured(value: 100 * mr / ms)
        },
        Check(
            id: "8d", finding: "Vagal tone recovers only partly at reunion", source: "Moore & Calkins 2004",
            published: "RSA in the reunion stays below play", confirmed: false,
            measure: "mean RSA, reunion minus play, ln ms²", target: -1 ... -0.01, places: 2
        ) { lab in
            let (r, p) = try stillFace(lab, Figures.meanRSA, reunion, play)
            return Measured.difference(r, p)
        },
    ]
}

/// The order of the still face's first bid, first fuss and first
/// withdrawal, baby by baby.
enum StillFaceOrder {
    /// For each baby: true when it bid before it first fussed (or never
    /// fussed), and fussed before it first withdrew (or never withdrew),
    /// counting only babies who bid or fussed at all.
    static func inOrder(_ lab: FindingLab) throws -> [Bool] {
        var first: [Int: (bid: Int?, fuss: Int?, withdraw: Int?)] = [:]
        var step = [Int: Int]()
        try lab.trace("still-face", runs: min(lab.runs, 60)) { run, simulation, events in
            step[run, default: 0] += 1
            guard simulation.phaseIndex == Findings.stillPhase || (simulation.phaseIndex == Findings.reunion && simulation.stepInPhase == 0)
            else { return }
            var entry = first[run] ?? (nil, nil, nil)
            let now = step[run]!
            if events.contains(.infantBids), entry.bid == nil { entry.bid = now }
            if events.contains(.infantFusses) || events.contains(.infantCries), entry.fuss == nil { entry.fuss = now }
            if events.contains(.infantWithdraws), entry.withdraw == nil { entry.withdraw = now }
            first[run] = entry
        }
        return first.keys.sorted().compactMap { run in
            let e = first[run]!
            guard e.bid != nil || e.fuss != nil else { return nil }
            let bidFirst = e.bid != nil && (e.fuss == nil || e.bid! < e.fuss!)
            let fussBeforeWithdraw = e.withdraw == nil || e.fuss == nil || e.fuss! < e.withdraw!
            return bidFirst && fussBeforeWithdraw
        }
    }
}
