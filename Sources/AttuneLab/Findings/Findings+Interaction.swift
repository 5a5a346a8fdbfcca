import AttuneModel

extension Findings {
    /// Finding 5: mutual regulation.
    static let mutualRegulation: [Check] = [
        Check(
            id: "5a", finding: "Matched states are a minority of the time", source: "Tronick & Cohn 1989",
            published: "mother and infant were in matching states about 30 % of the time", confirmed: false,
            measure: "time in matched states (strict coding), good-enough caregiver, %", target: 15...45
        ) { lab in
            Measured.mean(try lab.wholeRun("good-enough", [], Figures.matched))
        },
        Check(
            id: "5b", finding: "Mismatches are repaired within seconds", source: "Tronick & Cohn 1989; Tronick 1989",
            published: "most mismatches are repaired within a few seconds", confirmed: false,
            measure: "strict mismatches ended within 5 s, good-enough caregiver, %", target: 50...100
        ) { lab in
            Measured.mean(try lab.wholeRun("good-enough", [], Figures.fewSecondRepair))
        },
        Check(
            id: "5c", finding: "Many mismatches are repaired at once", source: "Tronick & Cohn 1989; Tronick & Gianino 1986",
            published: "about a third of mismatches are repaired by the next two-second step", confirmed: false,
            measure: "strict mismatches ended within 2 s, good-enough caregiver, %", target: 20...70
        ) { lab in
            Measured.mean(try lab.wholeRun("good-enough", [], Figures.quickRepair))
        },
        Check(
            id: "5d", finding: "Even attuned pairs are often out of step", source: "Tronick 1989",
            published: "normal interactions move constantly between coordinated and miscoordinated states", confirmed: false,
            measure: "time coordinated (broad coding), good-enough caregiver, %", target: 30...90
        ) { lab in
            Measured.mean(try lab.wholeRun("good-enough", [], Figures.coordinated))
        },
    ]

    /// Finding 6: history matters.
    static let history: [Check] = [
        Check(
            id: "6a", finding: "A month of intrusion lowers trust", source: "Tronick 1989",
            published: "chronically unrepaired ruptures teach the infant to expect intrusion", confirmed: false,
            measure: "trust after 30 daily sessions, attuned minus intrusive caregiver", target: 0.1...1, places: 3
        ) { lab in
            let attuned = try DaysTrust.after(lab, policy: "attuned", days: 30)
            let intrusive = try DaysTrust.after(lab, policy: "intrusive", days: 30)
            return Measured.difference(attuned, intrusive)
        },
        Check(
            id: "6b", finding: "It carries to a new, attuned adult", source: "Field et al. 1988; Tronick 1989",
            published: "infants with unrepaired histories show more negative affect and disengage, even with other adults",
            confirmed: false,
            measure: "negative affect or withdrawal with an attuned adult, low-trust history (0.25) minus high (0.85), percentage points",
            target: 3...100
        ) { lab in
            func upset(_ trust: String) throws -> [Double] {
                try lab.batch("scene-a-waits", ["infant.trust=" + trust]).map {
                    $0[0][0].negativeAffectPercent + $0[0][0].withdrawnPercent
                }
            }
            return Measured.difference(try upset("0.25"), try upset("0.85"))
        },
        Check(
            id: "6c", finding: "A low-trust infant looks at the new adult less", source: "Field et al. 1988",
            published: "infants of withdrawn or intrusive mothers look less at other adults too", confirmed: false,
            measure: "gaze at an attuned adult, high-trust history (0.85) minus low (0.25), percentage points",
            target: 3...100
        ) { lab in
            Measured.difference(
                try lab.values("scene-a-waits", ["infant.trust=0.85"], Figures.gazeAtCaregiver),
                try lab.values("scene-a-waits", ["infant.trust=0.25"], Figures.gazeAtCaregiver))
        },
        Check(
            id: "6d", finding: "Less delight with the new adult", source: "Field et al. 1988",
            published: "infants of depressed mothers showed fewer positive expressions with a non-depressed adult too",
            confirmed: false,
            measure: "positive affect with an attuned adult, high-trust history (0.85) minus low (0.25), percentage points",
            target: 3...100
        ) { lab in
            Measured.difference(
                try lab.values("scene-a-waits", ["infant.trust=0.85"], Figures.positiveAffect),
                try lab.values("scene-a-waits", ["infant.trust=0.25"], Figures.positiveAffect))
        },
    ]

    /// Finding 7: timing.
    static let timing: [Check] = [
        Check(
            id: "7a", finding: "An attuned caregiver answers within 1–2 s", source: "Tronick 1989; Jaffe et al. 2001",
            published: "attuned caregivers respond within about 1–2 seconds", confirmed: false,
            measure: "median time from the baby's looking back to her greeting, attuned caregiver, s",
            target: 0.3...2.5, places: 2
        ) { lab in
            Measured.mean(try GreetingTimes.medians(lab))
        },
        Check(
            id: "7b", finding: "A delay of a second or two is felt", source: "Bigelow 1998; Henning & Striano 2011",
            published: "infants of a few months are sensitive to delays of about a second", confirmed: false,
            measure: "positive affect, answered within 0.5 s minus within 2.5 s, percentage points", target: 1...100
        ) { lab in
            Measured.difference(
                try lab.values("scene-a-waits", ["dyads.0.caregiver.reaction=0.5s"], Figures.positiveAffect),
                try lab.values("scene-a-waits", ["dyads.0.caregiver.reaction=2.5s"], Figures.positiveAffect))
        },
    ]

    /// Finding 9: temperament, and effects in proportion.
    static let temperament: [Check] = [
        Check(
            id: "9a", finding: "Reactive infants are more upset in the still face", source: "Mesman et al. 2009 (review)",
            published: "more reactive infants show more negative affect under the still face", confirmed: false,
            measure: "still-face negative affect, reactivity 0.8 minus 0.2, percentage points", target: 3...100
        ) { lab in
            Measured.difference(
                try lab.values("still-face", ["infant.reactivity=0.8"], phase: stillPhase, Figures.negativeAffect),
                try lab.values("still-face", ["infant.reactivity=0.2"], phase: stillPhase, Figures.negativeAffect))
        },
        Check(
            id: "9b", finding: "Reactive infants are more upset when chased", source: "Rothbart & Bates 2006",
            published: "more reactive infants show more distress under intrusion", confirmed: false,
            measure: "negative affect with the intrusive caregiver, reactivity 0.8 minus 0.2, percentage points",
            target: 3...100
        ) { lab in
            Measured.difference(
                try lab.values("scene-b-chases", ["infant.reactivity=0.8"], Figures.negativeAffect),
                try lab.values("scene-b-chases", ["infant.reactivity=0.2"], Figures.negativeAffect))
        },
        Check(
            id: "9c", finding: "Less soothable infants recover more slowly", source: "Rothbart 1981",
            published: "less soothable infants take longer to recover", confirmed: false,
            measure: "reunion heart rate over play, soothability 0.2 minus 0.8, bpm", target: 0.5...40
        ) { lab in
            let low = try stillFace(lab, Figures.meanHeartRate, reunion, play, ["infant.soothability=0.2"])
            let high = try stillFace(lab, Figures.meanHeartRate, reunion, play, ["infant.soothability=0.8"])
            return Measured.difference(zip(low.0, low.1).map { $0 - $1 }, zip(high.0, high.1).map { $0 - $1 })
        },
    ]

    /// Finding 10: age.
    static let age: [Check] = [
        Check(
            id: "10a", finding: "Looking at the face falls from 3 to 6 months", source: "Kaye & Fogel 1980",
            published: "time looking at the mother's face fell from about 70 % at 6 weeks to about a third by 6 months",
            confirmed: false, measure: "gaze at an attuned caregiver, 3 months minus 6 months, percentage points",
            target: 10...60
        ) { lab in
            Measured.difference(
                try lab.values("scene-a-waits", ["infant.age_months=3"], Figures.gazeAtCaregiver),
                try lab.values("scene-a-waits", ["infant.age_months=6"], Figures.gazeAtCaregiver))
        },
        Check(
            id: "10b", finding: "A 12-month-old still looks away", source: "Kaye & Fogel 1980",
            published: "older infants still look away; the world grows more interesting", confirmed: false,
            measure: "look-aways a minute at 12 months, attuned caregiver", target: 1...30, places: 2
        ) { lab in
            let runs = try lab.batch("scene-a-waits", ["infant.age_months=12"])
            return Measured.mean(runs.map { Double($0[0][0].lookAways) / max(1e-9, $0[0][0].durationSeconds / 60) })
        },
        Check(
            id: "10c", finding: "Coordination with a responsive partner rises with age", source: "Tronick & Cohn 1989",
            published: "coordination rose from 3 to 9 months", confirmed: false,
            measure: "time coordinated with an attuned caregiver, 9 months minus 3 months, percentage points",
            target: 1...60
        ) { lab in
            Measured.difference(
                try lab.values("scene-a-waits", ["infant.age_months=9"], Figures.coordinated),
                try lab.values("scene-a-waits", ["infant.age_months=3"], Figures.coordinated))
        },
    ]

    /// Finding 11: neither too much nor too little.
    static let neitherTooMuchNorTooLittle: [Check] = [
        Check(
            id: "11a", finding: "Positive affect peaks at moderate energy", source: "Field 1981",
            published: "both under- and over-stimulation cost positive affect", confirmed: false,
            measure: "positive affect at energy 0.5 minus at the better of 0.1 and 1.0, percentage points", target: 2...100
        ) { lab in
            try middleOverEnds(lab, "dyads.0.caregiver.energy", ["0.1", "0.5", "1"], Figures.positiveAffect)
        },
        Check(
            id: "11b", finding: "Gaze peaks at moderate energy", source: "Field 1981",
            published: "infants look away more with both under- and over-stimulating partners", confirmed: false,
            measure: "gaze at energy 0.5 minus at the better of 0.1 and 1.0, percentage points", target: 2...100
        ) { lab in
            try middleOverEnds(lab, "dyads.0.caregiver.energy", ["0.1", "0.5", "1"], Figures.gazeAtCaregiver)
        },
        Check(
            id: "11c", finding: "Mid-range contingency is best for affect", source: "Jaffe et al. 2001; Beebe et al. 2010",
            published: "mid-range contingency is optimal; very high and very low are risk markers", confirmed: false,
            measure: "positive affect at contingency 0.5 minus at the better of 0.1 and 0.95, percentage points",
            target: 1...100
        ) { lab in
            try middleOverEnds(lab, "dyads.0.caregiver.contingency", ["0.1", "0.5", "0.95"], Figures.positiveAffect)
        },
        Check(
            id: "11d", finding: "Mid-range contingency is best for trust", source: "Jaffe et al. 2001; Beebe et al. 2010",
            published: "mid-range contingency predicts secure attachment", confirmed: false,
            measure: "trust after 10 daily sessions at contingency 0.5 minus at the better of 0.1 and 0.95", target: 0.005...1,
            places: 3
        ) { lab in
            let trusts = try ["0.1", "0.5", "0.95"].map { value in
                try DaysTrust.after(lab, set: ["dyads.0.caregiver.contingency=\(value)"], days: 10)
            }
            let better = (Statistics.mean(trusts[0]) ?? 0) >= (Statistics.mean(trusts[2]) ?? 0) ? trusts[0] : trusts[2]
            return Measured.difference(trusts[1], better)
        },
    ]

    /// `figure` at the middle of three values of `path`, minus at whichever
    /// end is better on average (paired baby by baby).
    static func middleOverEnds(_ lab: FindingLab, _ path: String, _ values: [String], _ figure: Figure) throws -> Measured {
        let series = try values.map { try lab.values("scene-a-waits", ["\(path)=\($0)"], figure) }
        let better = (Statistics.mean(series[0]) ?? 0) >= (Statistics.mean(series[2]) ?? 0) ? series[0] : series[2]
        return Measured.difference(series[1], better)
    }
}
