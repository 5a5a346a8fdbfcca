import AttuneModel
import Foundation
import Testing

@testable import AttuneScenario

/// A valid scenario with one decision; tests change one thing at a time.
let decisionYAML = """
    title: Test
    dyads:
      - label: Waits
        caregiver: { policy: attuned }
    duration: 60s
    decisions:
      - on: infant-looks-away
        dyad: Waits
        question: The baby has turned away. What now?
        choices:
          - { key: w, label: wait, caregiver: { policy: attuned } }
          - { key: i, label: lean in, action: intrude }

    """

@Suite("Decision points in a scenario file")
struct DecisionTests {
    @Test func aDecisionLoadsWithItsTriggerQuestionAndChoices() throws {
        let loaded = try scenario(decisionYAML)
        #expect(loaded.decisions.count == 1)
        let decision = try #require(loaded.decisions.first)
        #expect(decision.trigger == .on(.infantLooksAway))
        #expect(decision.dyad == "Waits")
        #expect(decision.question == "The baby has turned away. What now?")
        #expect(
            decision.choices == [
                DecisionChoice(key: "w", label: "wait", effect: .caregiver(CaregiverSettings(policy: .attuned))),
                DecisionChoice(key: "i", label: "lean in", effect: .action(.intrude)),
            ])
    }

    @Test func aDecisionAtATimeLoads() throws {
        let yaml = decisionYAML.replacingOccurrences(of: "  - on: infant-looks-away\n    dyad: Waits", with: "  - at: 30s")
        let loaded = try scenario(yaml)
        #expect(loaded.decisions.first?.trigger == .at(seconds: 30))
        #expect(loaded.decisions.first?.dyad == nil)
    }

    @Test func aScenarioWithoutDecisionsHasNone() throws {
        #expect(try scenario(minimalYAML).decisions.isEmpty)
    }

    @Test func aReservedKeyIsRefusedAndTheReservedKeysAreListed() {
        let yaml = decisionYAML.replacingOccurrences(of: "key: i,", with: "key: q,")
        #expect(
            problems(yaml) == [
                "test.yaml:12:16: decisions.0.choices.1.key is \"q\", which the live screen already uses; the keys c, h, q and r are taken, so choose another letter"
            ])
    }

    @Test func aKeyThatIsNotOneLowercaseLetterIsRefused() {
        for bad in ["W", "ww", "3"] {
            let yaml = decisionYAML.replacingOccurrences(of: "key: i,", with: "key: \(bad),")
            let written = bad == "3" ? "3" : "\"\(bad)\""
            #expect(
                problems(yaml) == [
                    "test.yaml:12:16: decisions.0.choices.1.key is \(written); write one lowercase letter, a to z, like  key: w  (but not c, h, q and r: the live screen uses them)"
                ])
        }
    }

    @Test func twoChoicesWithTheSameKeyAreRefused() {
        let yaml = decisionYAML.replacingOccurrences(of: "key: i,", with: "key: w,")
        #expect(
            problems(yaml) == [
                "test.yaml:12:16: decisions.0.choices.1.key is \"w\", the same as decisions.0.choices.0.key; give each choice a key of its own"
            ])
    }

    @Test func oneChoiceIsTooFewAndFiveAreTooMany() {
        let one = decisionYAML.replacingOccurrences(of: "      - { key: i, label: lean in, action: intrude }\n", with: "")
        #expect(problems(one) == ["test.yaml:11:7: decisions.0.choices lists 1 choice; a decision offers 2 to 4"])
        let five = decisionYAML.replacingOccurrences(
            of: "      - { key: i, label: lean in, action: intrude }\n",
            with: (["a", "b", "d", "e"].map { "      - { key: \($0), label: \($0), action: wait }\n" }).joined())
        #expect(problems(five) == ["test.yaml:11:7: decisions.0.choices lists 5 choices; a decision offers 2 to 4"])
    }

    @Test func aChoiceNeedsExactlyOneOfCaregiverAndAction() {
        let neither = decisionYAML.replacingOccurrences(of: ", action: intrude", with: "")
        #expect(
            problems(neither) == [
                "test.yaml:12:9: decisions.0.choices.1 says nothing about what the caregiver does; add  caregiver: { policy: attuned }  or  action: wait"
            ])
        let both = decisionYAML.replacingOccurrences(of: "action: intrude", with: "action: intrude, caregiver: { energy: 0.9 }")
        #expect(problems(both) == ["test.yaml:12:52: decisions.0.choices.1 has both caregiver and action; keep one of them"])
    }

    @Test func aMisspeltActionGetsASuggestion() {
        let yaml = decisionYAML.replacingOccurrences(of: "action: intrude", with: "action: intrud")
        #expect(
            problems(yaml) == [
                "test.yaml:12:43: decisions.0.choices.1.action is \"intrud\"; did you mean \"intrude\"? The actions are play, greet, wait, soothe, intrude, still-face and disengage"
            ])
    }

    @Test func aChoiceCaregiverIsCheckedLikeAnyCaregiver() {
        let yaml = decisionYAML.replacingOccurrences(
            of: "wait, caregiver: { policy: attuned }", with: "wait, caregiver: { patience: 400s }")
        #expect(problems(yaml) == ["test.yaml:11:55: decisions.0.choices.0.caregiver.patience is 400s; it must be between 0s and 120s"])
    }

    @Test func aTimeOutsideTheRunIsRefused() {
        let yaml = decisionYAML.replacingOccurrences(of: "  - on: infant-looks-away\n    dyad: Waits", with: "  - at: 60s")
        #expect(
            problems(yaml) == [
                "test.yaml:7:9: decisions.0.at is 60s; it must be longer than 0s and shorter than the run (it lasts 60s)"
            ])
    }

    @Test func anUnknownDyadLabelGetsASuggestion() {
        let yaml = decisionYAML.replacingOccurrences(of: "dyad: Waits", with: "dyad: Wait")
        #expect(problems(yaml) == ["test.yaml:8:11: decisions.0.dyad is \"Wait\", but no dyad has that label; did you mean \"Waits\"?"])
    }

    @Test func aDecisionWithoutQuestionOrChoicesSaysWhatIsMissing() {
        let yaml = """
            title: Test
            dyads:
              - caregiver: { policy: attuned }
            duration: 60s
            decisions:
              - at: 10s
            """
        #expect(
            problems(yaml) == [
                "test.yaml:6:5: decisions.0 has no question; add one, like  question: \"The baby has turned away. What now?\"",
                "test.yaml:6:5: decisions.0 has no choices; add two to four, like  choices: [ { key: w, label: wait, caregiver: { policy: attuned } }, { key: i, label: lean in, action: intrude } ]",
            ])
    }

    @Test func describeListsTheDecisions() throws {
        let text = describe(try scenario(decisionYAML))
        #expect(text.contains("Decisions (the live screen pauses and asks)"))
        #expect(text.contains("  on the first infant-looks-away (Waits only): The baby has turned away. What now?"))
        #expect(text.contains("    [w] wait: policy attuned"))
        #expect(text.contains("    [i] lean in: action intrude"))
    }
}

@Suite("The decisions example in docs/scenarios.md")
struct DocumentedDecisionTests {
    @Test func theDocumentedDecisionsLoad() throws {
        let docs = URL(fileURLWithPath: ReadyScenarios.directory).deletingLastPathComponent()
            .appendingPathComponent("docs/scenarios.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        let start = try #require(text.range(of: "```yaml\ndecisions:\n"))
        let end = try #require(text.range(of: "```", range: start.upperBound..<text.endIndex))
        let yaml =
            "title: Test\ndyads:\n  - caregiver: { policy: attuned }\nduration: 2min\n"
            + String(text[text.index(start.lowerBound, offsetBy: 8)..<end.lowerBound])
        let loaded = try scenario(yaml)
        #expect(loaded.decisions.count == 2)
        #expect(loaded.decisions[1].choices.map(\.effect) == [.action(.wait), .action(.play)])
    }
}
