import AttuneModel

/// The two small faces of the live screen, 7 columns × 5 rows each, drawn
/// with ASCII characters only (so they look the same with `--ascii`).
///
/// The infant sits on the left, facing right. Its eyes and mouth shift
/// towards the caregiver while it looks at her and away from her while it
/// looks away; turned far away, its head is shown in profile facing left.
/// The mouth and eyes show the affect. Looking around the room
/// (``Behavior/exploring``), its eyes are wide open (`O O`) and turned away
/// from her, and its mouth stays calm: curious, not overwhelmed. The caregiver sits on the right,
/// facing left: her eyes are on the infant unless she looks elsewhere, and
/// her mouth shows what she is doing.
public enum Faces {
    /// Columns of a face.
    public static let width = 7
    /// Rows of a face.
    public static let height = 5

    /// The infant's face.
    public static func infant(gaze: Gaze, behavior: Behavior, affect: Affect) -> [String] {
        let top = "   ~   "
        let brow = " /   \\ "
        let chin = " \\___/ "
        if gaze == .farAway {
            let mouth: Character = behavior == .selfSoothing ? "=" : (behavior == .crying ? "O" : ")")
            return [top, brow, "<o    |", " \(mouth)    |", "  \\__/ "]
        }
        let offset = gaze == .atCaregiver ? 2 : 0
        return [
            top, brow,
            "|" + place(infantEyes(behavior: behavior, affect: affect), at: offset) + "|",
            "|" + place(infantMouth(behavior: behavior, affect: affect), at: offset) + "|",
            chin,
        ]
    }

    /// The caregiver's face.
    public static func caregiver(action: CaregiverAction) -> [String] {
        let offset = action == .disengage ? 2 : 0
        let eyes = action == .stillFace ? "o o" : (action == .play ? "^ ^" : "o o")
        return [
            " _____ ", "/     \\",
            "|" + place(eyes, at: offset) + "|",
            "|" + place(caregiverMouth(action), at: offset) + "|",
            " \\___/ ",
        ]
    }

    /// How far (columns) the caregiver's face moves from its resting place:
    /// back (right, +2) while she waits, in (left, -4) while she leans in.
    public static func caregiverLean(_ action: CaregiverAction) -> Int {
        switch action {
        case .wait: 2
        case .intrude: -4
        default: 0
        }
    }

    /// What the caregiver says, shown beside her (empty for silence).
    public static func caregiverWords(_ action: CaregiverAction) -> String {
        switch action {
        case .play: "peek-a-boo!"
        case .greet: "hello, you!"
        case .soothe: "shh, shh..."
        case .intrude: "tsk tsk! hey!"
        case .wait, .stillFace, .disengage: ""
        }
    }

    /// The sound the infant makes, shown beside it (empty for silence).
    public static func infantSound(_ behavior: Behavior) -> String {
        switch behavior {
        case .cooing: "ooh"
        case .bidding: "ah! ah!"
        case .fussing: "eh-eh"
        case .crying: "waaah"
        case .pushingAway: "nnn!"
        default: ""
        }
    }

    /// Three columns of infant eyes.
    static func infantEyes(behavior: Behavior, affect: Affect) -> String {
        if behavior == .crying || affect == .distressed { return "> <" }
        if behavior == .exploring { return "O O" }
        switch affect {
        case .delighted: return "^ ^"
        case .dull: return "- -"
        case .withdrawn: return ". ."
        default: return behavior == .selfSoothing ? "- -" : "o o"
        }
    }

    /// Three columns of infant mouth.
    static func infantMouth(behavior: Behavior, affect: Affect) -> String {
        if behavior == .selfSoothing { return " o=" }
        if behavior == .cooing { return " o " }
        switch affect {
        case .delighted: return "\\_/"
        case .interested: return " u "
        case .neutral: return " - "
        case .dull, .withdrawn: return " _ "
        case .fussy: return " n "
        case .distressed: return "/O\\"
        case .protesting: return "/^\\"
        }
    }

    /// Three columns of caregiver mouth.
    static func caregiverMouth(_ action: CaregiverAction) -> String {
        switch action {
        case .play: "\\_/"
        case .greet: " u "
        case .wait: " - "
        case .soothe: " o "
        case .intrude: " O "
        case .stillFace: "---"
        case .disengage: " - "
        }
    }

    /// Three characters placed in five columns at `offset` (0...2).
    static func place(_ feature: String, at offset: Int) -> String {
        let left = String(repeating: " ", count: offset)
        let right = String(repeating: " ", count: max(0, 5 - offset - feature.count))
        return left + feature + right
    }
}
