import AttuneModel
import Testing

@testable import AttuneUI

@Suite("The screen's words for the model's states")
struct ScreenWordsTests {
    @Test func onlyDelightIsWarmInterestIsCalm() {
        #expect(ScreenWords.colour(.delighted) == .warm)
        #expect(ScreenWords.colour(.interested) == .calm)
        #expect(ScreenWords.colour(.neutral) == .default)
        #expect(Affect.allCases.filter { ScreenWords.colour($0) == .warm } == [.delighted])
        // Interest keeps its symbol beside its word, but is marked with the calm in the track.
        #expect(ScreenWords.symbol(.interested) == "+")
        #expect(ScreenWords.mark(.interested) == ".")
        #expect(ScreenWords.mark(.delighted) == "+")
    }

    @Test func theAffectTrackMarksFollowTheLegendsFourGroups() {
        // "affect: + happy  . calm  - flat  ! upset"
        let groups: [Character: Set<Affect>] = [
            "+": [.delighted], ".": [.interested, .neutral], "-": [.dull, .withdrawn], "!": [.fussy, .distressed, .protesting],
        ]
        for affect in Affect.allCases {
            #expect(groups[ScreenWords.mark(affect)]?.contains(affect) == true, "\(affect)")
            #expect(affect.isPositive == (ScreenWords.mark(affect) == "+"), "\(affect)")
            #expect(affect.isNegative == (ScreenWords.mark(affect) == "!"), "\(affect)")
        }
    }

    @Test func lookingAroundTheRoomIsSaidAsCuriosity() {
        #expect(ScreenWords.doing(gaze: .away, behavior: .exploring, affect: .interested) == "looks around the room")
        #expect(ScreenWords.doing(gaze: .away, behavior: .lookingAway, affect: .neutral) == "looks away")
    }

    @Test func aBidIsToldByItsAffect() {
        #expect(ScreenWords.doing(gaze: .atCaregiver, behavior: .bidding, affect: .delighted) == "smiles and coos to call her")
        #expect(ScreenWords.doing(gaze: .atCaregiver, behavior: .bidding, affect: .interested) == "calls to her, not smiling")
    }

    @Test func everyStateHasWords() {
        for gaze in Gaze.allCases {
            for behavior in Behavior.allCases {
                for affect in Affect.allCases {
                    #expect(!ScreenWords.doing(gaze: gaze, behavior: behavior, affect: affect).isEmpty)
                }
            }
        }
    }

    @Test func theHeartRateInWholeBeatsWithAnASCIIStandIn() {
        #expect(ScreenWords.heartRate(152.4, ascii: false) == "♥ 152 bpm")
        #expect(ScreenWords.heartRate(152.5, ascii: true) == "HR 153 bpm")
        #expect(ScreenWords.heartRate(163, resting: 139.6, ascii: false) == "♥ 163 bpm (resting 140)")
        #expect(isASCII(ScreenWords.heartRate(163, resting: 140, ascii: true)))
    }

    @Test func lookingAroundTheFaceHasWideEyesTurnedAwayAndACalmMouth() {
        let face = Faces.infant(gaze: .away, behavior: .exploring, affect: .interested)
        #expect(face[2...3] == ["|O O  |", "| u   |"])
        let settling = Faces.infant(gaze: .away, behavior: .lookingAway, affect: .neutral)
        #expect(settling[2...3] == ["|o o  |", "| -   |"])
    }
}

@Suite("What the baby is like, in words")
struct TemperamentTests {
    @Test func middleValuesMakeAnEvenTemperedBaby() {
        #expect(Temperament.phrases(InfantParameters(trust: 0.6)) == ["4 months old", "even-tempered"])
        #expect(Temperament.line(InfantParameters(trust: 0.6)) == "The baby: 4 months old · even-tempered")
    }

    @Test func reactivityAndSoothabilityMakeOnePhrase() {
        func temper(_ r: Double, _ s: Double) -> String { Temperament.temper(reactivity: r, soothability: s) }
        #expect(temper(0.8, 0.2) == "easily stirred, slow to settle")
        #expect(temper(0.2, 0.8) == "calm, quick to settle")
        #expect(temper(0.8, 0.8) == "easily stirred, but quick to settle")
        #expect(temper(0.2, 0.2) == "calm, but slow to settle")
        #expect(temper(0.8, 0.5) == "easily stirred")
        #expect(temper(0.2, 0.5) == "calm")
        #expect(temper(0.5, 0.8) == "quick to settle")
        #expect(temper(0.5, 0.2) == "slow to settle")
        #expect(temper(0.5, 0.5) == "even-tempered")
    }

    @Test func theThresholdsAreAFifthAndMoreFromTheMiddle() {
        #expect(Temperament.temper(reactivity: Temperament.high, soothability: 0.5) == "even-tempered")
        #expect(Temperament.temper(reactivity: Temperament.high + 0.01, soothability: 0.5) == "easily stirred")
        #expect(Temperament.temper(reactivity: Temperament.low, soothability: 0.5) == "even-tempered")
        #expect(Temperament.temper(reactivity: Temperament.low - 0.01, soothability: 0.5) == "calm")
    }

    @Test func sociabilitySaysWhereTheEyesGo() {
        #expect(Temperament.interest(sociability: 0.8) == "keen on faces")
        #expect(Temperament.interest(sociability: 0.2) == "drawn to the world around")
        #expect(Temperament.interest(sociability: 0.5) == nil)
    }

    @Test func trustIsSaidOnlyWhenItStandsOut() {
        #expect(Temperament.history(trust: 0.8) == "trusting")
        #expect(Temperament.history(trust: 0.75) == "trusting")
        #expect(Temperament.history(trust: 0.7) == nil)
        #expect(Temperament.history(trust: 0.4) == nil)
        #expect(Temperament.history(trust: 0.2) == "wary")
    }

    @Test func theAgeInMonths() {
        #expect(Temperament.age(months: 4) == "4 months old")
        #expect(Temperament.age(months: 4.5) == "4.5 months old")
        #expect(Temperament.age(months: 12) == "12 months old")
    }

    @Test func everythingThatStandsOutInOrder() {
        let baby = InfantParameters(ageMonths: 6, reactivity: 0.9, soothability: 0.1, trust: 0.2, sociability: 0.9)
        #expect(Temperament.line(baby) == "The baby: 6 months old · easily stirred, slow to settle · keen on faces · wary")
    }

    @Test func noWordJudges() {
        let words = [0.0, 0.5, 1.0].flatMap { a in
            [0.0, 0.5, 1.0].flatMap { b in
                [0.0, 0.5, 1.0].map { c in
                    Temperament.line(InfantParameters(reactivity: a, soothability: b, trust: c, sociability: c)).lowercased()
                }
            }
        }
        for word in ["difficult", "bad", "fussy", "easy baby", "problem", "good baby"] {
            #expect(!words.contains { $0.contains(word) }, "\(word)")
        }
    }

    @Test func overwhelmedIsSaidOnlyOfABabyThatShowsIt() {
        let traits = InfantTraits(InfantParameters())
        let high = traits.distressLevel + 0.1
        #expect(ScreenWords.zone(arousal: high, behavior: .fussing, traits: traits).word == "overwhelmed")
        #expect(ScreenWords.zone(arousal: high, behavior: .crying, traits: traits).word == "overwhelmed")
        for calm in [Behavior.exploring, .selfSoothing, .engaged, .lookingAway] {
            #expect(ScreenWords.zone(arousal: high, behavior: calm, traits: traits).word == "too high", "\(calm)")
        }
        #expect(ScreenWords.zone(arousal: traits.windowHigh - 0.01, behavior: .fussing, traits: traits).word == "in range")
    }
}
