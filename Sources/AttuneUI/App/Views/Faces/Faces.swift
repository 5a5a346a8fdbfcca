import AttuneModel

/// The faces of the live screen and the presenter, drawn with ASCII
/// characters only (so they look the same with `--ascii`), at any size of
/// the ladder ``sizes``: the hand-drawn 7 × 5 of a small window, and oval
/// heads drawn to size up to 47 × 29 for a projector, with eyes and mouths
/// that grow with them (single characters, then 3 × 2 eyes, then 5 × 3).
///
/// The infant sits on the left, facing right. Its eyes and mouth shift
/// towards the caregiver while it looks at her and away from her while it
/// looks away; turned far away, its head is shown in profile facing left,
/// with its outline whole. The mouth and eyes show the affect. Looking
/// around the room (``Behavior/exploring``), its eyes are wide open (`O O`)
/// and turned away from her, and its mouth stays calm: curious, not
/// overwhelmed. The caregiver sits on the right, facing left: her eyes are
/// on the infant unless she looks elsewhere, and her mouth shows what she
/// is doing. At every size the mouth sits centred under the two eyes, and
/// every feature lies inside the outline.
public enum Faces {
    /// Columns of the small face.
    public static let width = FaceSize.small.width
    /// Rows of the small face.
    public static let height = FaceSize.small.height

    /// The sizes faces are drawn at, smallest first: 7 × 5 (hand-drawn),
    /// then oval heads about 1.6 times as wide as tall.
    public static let sizes: [FaceSize] =
        [.small]
        + [7, 9, 11, 13, 15, 17, 20, 23, 26, 29].map {
            FaceSize(width: Int((1.6 * Double($0)).rounded()) | 1, height: $0)
        }

    /// The largest size of ``sizes`` at most `width` × `height` (the small
    /// size when none fits).
    public static func largest(width: Int, height: Int) -> FaceSize {
        sizes.last { $0.width <= width && $0.height <= height } ?? .small
    }

    /// The infant's face at `size` (one of ``sizes``; default the small one).
    public static func infant(gaze: Gaze, behavior: Behavior, affect: Affect, size: FaceSize = .small) -> [String] {
        let eyes = EyeShape.infant(behavior: behavior, affect: affect)
        let mouth = MouthShape.infant(behavior: behavior, affect: affect)
        guard size.width > FaceSize.small.width else {
            return smallInfant(gaze: gaze, eyes: eyes, mouth: mouth, behavior: behavior)
        }
        if gaze == .farAway { return FaceDrawing.profile(size: size, eyes: eyes, behavior: behavior) }
        return FaceDrawing.front(size: size, who: .infant, eyes: eyes, mouth: mouth, looking: gaze == .atCaregiver ? 1 : -1)
    }

    /// The caregiver's face at `size` (one of ``sizes``; default the small one).
    public static func caregiver(action: CaregiverAction, size: FaceSize = .small) -> [String] {
        let eyes = EyeShape.caregiver(action)
        let mouth = MouthShape.caregiver(action)
        guard size.width > FaceSize.small.width else {
            let offset = action == .disengage ? 2 : 0
            return [
                " _____ ", "/     \\",
                "|" + place(pair(eyes, .fine), at: offset) + "|",
                "|" + place(mouth.art(.fine)[0], at: offset) + "|",
                " \\___/ ",
            ]
        }
        return FaceDrawing.front(size: size, who: .caregiver, eyes: eyes, mouth: mouth, looking: action == .disengage ? 1 : -1)
    }

    /// The small infant: 7 × 5, hand-drawn.
    private static func smallInfant(gaze: Gaze, eyes: EyeShape, mouth: MouthShape, behavior: Behavior) -> [String] {
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
            "|" + place(pair(eyes, .fine), at: offset) + "|",
            "|" + place(mouth.art(.fine)[0], at: offset) + "|",
            chin,
        ]
    }

    /// Two single-character eyes with a space between them (`o o`, `> <`).
    private static func pair(_ eyes: EyeShape, _ detail: FaceDetail) -> String {
        eyes.art(detail)[0] + " " + eyes.art(detail, right: true)[0]
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

    /// Three characters placed in five columns at `offset` (0...2).
    static func place(_ feature: String, at offset: Int) -> String {
        let left = String(repeating: " ", count: offset)
        let right = String(repeating: " ", count: max(0, 5 - offset - feature.count))
        return left + feature + right
    }
}
