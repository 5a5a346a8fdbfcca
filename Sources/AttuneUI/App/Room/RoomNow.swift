import AttuneModel

/// The room's figures at its current step, for one caregiver's grid: how
/// many babies look, smile, are upset, are in step; their heart rates (for
/// the histogram) against the first phase and against rest; and the
/// ruptures and repairs of the last minute.
///
/// Made from the room's state and its recorded tallies; nothing is stored.
struct RoomNow: Sendable {
    /// Babies in the room.
    var babies: Int
    /// Babies looking at the caregiver now.
    var looking: Int
    /// Babies smiling now (delighted).
    var smiling: Int
    /// Babies upset now (fussy, distressed or protesting).
    var upset: Int
    /// Pairs in step now.
    var inStep: Int
    /// Pairs in a rupture now.
    var inRupture: Int
    /// Every baby's heart rate now, bpm, baby 1 first.
    var heartRates: [Double]
    /// The mean of the babies' resting heart rates, bpm.
    var restingHeartRate: Double
    /// The mean over the babies of their mean heart rate in the first
    /// phase, bpm; nil while the first phase is still running.
    var firstPhaseHeartRate: Double?
    /// The mean over the babies of their share of time looking at the
    /// caregiver in the first phase, and smiling and upset (percent), nil
    /// while the first phase is still running.
    var firstPhaseShares: (looking: Double, smiling: Double, upset: Double)?
    /// Ruptures that began in the last minute (or since the start), per
    /// baby per minute; nil at the very start.
    var rupturesPerMinute: Double?
    /// Repairs in the last minute, per baby per minute; nil at the start.
    var repairsPerMinute: Double?
    /// The seconds the rates are taken over (60, or less near the start).
    var rateSeconds: Double

    /// The span of the rates: the last minute.
    static let rateWindowSeconds = 60.0

    /// The mean heart rate now, bpm.
    var meanHeartRate: Double { heartRates.isEmpty ? 0 : heartRates.reduce(0, +) / Double(heartRates.count) }

    /// The figures of dyad `dyad` of `timeline` now.
    init(_ timeline: RoomTimeline, dyad d: Int) {
        let room = timeline.now.room
        babies = room.count
        var looking = 0, smiling = 0, upset = 0, inStep = 0, inRupture = 0
        var rates: [Double] = []
        rates.reserveCapacity(room.count)
        var resting = 0.0
        // Read through the arrays in place: no baby or pair is copied.
        let all = room.babies
        for b in all.indices {
            let gaze = all[b].dyads[d].infant.gaze
            let affect = all[b].dyads[d].infant.affect
            if gaze == .atCaregiver { looking += 1 }
            if affect.isPositive { smiling += 1 }
            if affect.isNegative { upset += 1 }
            if all[b].dyads[d].isCoordinated { inStep += 1 }
            if all[b].dyads[d].coordination.inRupture { inRupture += 1 }
            rates.append(all[b].dyads[d].infant.heartRate)
            resting += all[b].dyads[d].traits.restingHeartRate
        }
        self.looking = looking
        self.smiling = smiling
        self.upset = upset
        self.inStep = inStep
        self.inRupture = inRupture
        heartRates = rates
        restingHeartRate = resting / Double(max(1, room.count))
        if room.phaseIndex > 0 {
            let metrics = room.metrics
            firstPhaseHeartRate = RoomFigures.mean(Figures.meanHeartRate, of: metrics, dyad: d, phase: 0)?.mean
            if let look = RoomFigures.mean(Figures.gazeAtCaregiver, of: metrics, dyad: d, phase: 0)?.mean,
                let smile = RoomFigures.mean(Figures.positiveAffect, of: metrics, dyad: d, phase: 0)?.mean,
                let sad = RoomFigures.mean(Figures.negativeAffect, of: metrics, dyad: d, phase: 0)?.mean
            {
                firstPhaseShares = (look, smile, sad)
            }
        }
        let dt = timeline.stepSeconds
        let end = min(timeline.cursor, timeline.recordedSteps)
        let span = min(end, max(1, Int((Self.rateWindowSeconds / dt).rounded())))
        rateSeconds = Double(span) * dt
        if span > 0 {
            var ruptures = 0, repairs = 0
            for step in (end - span)..<end {
                let tally = timeline.tally(step: step, dyad: d)
                ruptures += Int(tally.ruptures)
                repairs += Int(tally.repairs)
            }
            let perBabyMinute = Double(max(1, room.count)) * rateSeconds / 60
            rupturesPerMinute = Double(ruptures) / perBabyMinute
            repairsPerMinute = Double(repairs) / perBabyMinute
        }
    }

    /// The change of the mean heart rate: since the first phase once it is
    /// over ("+4 since play"), against rest before ("+7 above rest").
    func heartChange(firstPhase name: String) -> String {
        if let first = firstPhaseHeartRate {
            let change = Int((meanHeartRate - first).rounded())
            return change == 0 ? "as in \(name)" : Self.signed(meanHeartRate - first) + " since \(name)"
        }
        let rise = Int((meanHeartRate - restingHeartRate).rounded())
        if rise == 0 { return "at rest" }
        return rise > 0 ? "+\(rise) above rest" : "\(-rise) below rest"
    }

    /// `+4`, `-3`, `0`: a whole number with its sign.
    static func signed(_ value: Double) -> String {
        let whole = Int(value.rounded())
        return whole > 0 ? "+\(whole)" : "\(whole)"
    }

    /// The lowest heart rate the histogram shows, bpm (lower ones go in
    /// its first bin).
    static let histogramLow = 115.0
    /// The width of a bin, bpm.
    static let histogramBin = 5.0
    /// The number of bins: 115 to 195 bpm (higher ones go in the last bin).
    static let histogramBins = 16

    /// The babies' heart rates now, counted in the histogram's bins.
    var histogram: [Int] {
        var counts = Array(repeating: 0, count: Self.histogramBins)
        for rate in heartRates { counts[Self.bin(rate)] += 1 }
        return counts
    }

    /// The bin of a heart rate.
    static func bin(_ rate: Double) -> Int {
        min(histogramBins - 1, max(0, Int(((rate - histogramLow) / histogramBin).rounded(.down))))
    }
}
