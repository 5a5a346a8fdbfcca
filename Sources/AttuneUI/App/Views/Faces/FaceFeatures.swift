import AttuneModel

/// How an eye looks, whatever the size of the face.
enum EyeShape: Hashable, Sendable, CaseIterable {
    /// Open and attentive: `o`.
    case open
    /// Wide open, looking around the room: `O`.
    case wide
    /// Smiling, closed in an arc: `^`.
    case happy
    /// Flat and dull: `-`.
    case flat
    /// Closed, soothing itself: `-`, a lid drawn down at larger sizes.
    case closed
    /// Small and lowered, withdrawn: `.`.
    case down
    /// Squeezed shut in distress: `>` on the left, `<` on the right.
    case squeezed

    /// The infant's eyes for what it does and feels.
    static func infant(behavior: Behavior, affect: Affect) -> EyeShape {
        if behavior == .crying || affect == .distressed { return .squeezed }
        if behavior == .exploring { return .wide }
        switch affect {
        case .delighted: return .happy
        case .dull: return .flat
        case .withdrawn: return .down
        default: return behavior == .selfSoothing ? .closed : .open
        }
    }

    /// The caregiver's eyes: smiling while she plays, open otherwise.
    static func caregiver(_ action: CaregiverAction) -> EyeShape {
        action == .play ? .happy : .open
    }

    /// The left eye's rows at `detail` (the right eye is the same but for
    /// ``squeezed``, which mirrors it). At the large detail an open, wide
    /// or lowered eye's pupil moves a column towards `looking` (-1 left,
    /// 1 right), so the eyes themselves show where the face looks.
    func art(_ detail: FaceDetail, right: Bool = false, looking: Int = 0) -> [String] {
        var rows = straight(detail, right: right)
        guard detail == .large, looking != 0, self == .open || self == .wide || self == .down || self == .flat else { return rows }
        let row = self == .down || self == .flat ? 2 : 1
        var characters = Array(rows[row])
        characters.swapAt(2, 2 + (looking > 0 ? 1 : -1))
        rows[row] = String(characters)
        return rows
    }

    /// The eye's rows at `detail`, looking straight ahead.
    private func straight(_ detail: FaceDetail, right: Bool) -> [String] {
        switch detail {
        case .fine:
            switch self {
            case .open: return ["o"]
            case .wide: return ["O"]
            case .happy: return ["^"]
            case .flat, .closed: return ["-"]
            case .down: return ["."]
            case .squeezed: return [right ? "<" : ">"]
            }
        case .medium:
            switch self {
            case .open: return [" _ ", "(o)"]
            case .wide: return [".-.", "(O)"]
            case .happy: return [" _ ", "/ \\"]
            case .flat: return ["   ", "(-)"]
            case .closed: return ["   ", "---"]
            case .down: return ["   ", "(.)"]
            case .squeezed: return right ? [" / ", " \\ "] : [" \\ ", " / "]
            }
        case .large:
            switch self {
            case .open: return [" .-. ", "( o )", " '-' "]
            case .wide: return [".---.", "| O |", "'---'"]
            case .happy: return ["     ", " .-. ", "/   \\"]
            case .flat: return ["     ", " ___ ", "(_o_)"]
            case .closed: return ["     ", "     ", "'---'"]
            case .down: return ["     ", " .-. ", "( . )"]
            case .squeezed: return right ? ["   / ", "  <  ", "   \\ "] : [" \\   ", "  >  ", " /   "]
            }
        }
    }
}

/// How a mouth looks, whatever the size of the face.
enum MouthShape: Hashable, Sendable, CaseIterable {
    /// A wide, open smile (delight; her play): `\_/`.
    case grin
    /// A small smile (interest; her greeting): `u`.
    case smile
    /// A straight line (neutral; waiting): `-`.
    case line
    /// A flat, low line (dull, withdrawn): `_`.
    case flat
    /// A small frown (fussing): `n`.
    case frown
    /// Open, crying: `/O\`.
    case wail
    /// A grimace, pushing her away: `/^\`.
    case grimace
    /// Rounded, cooing or soothing: `o`.
    case round
    /// A thumb in the mouth: `o=`.
    case thumb
    /// Pressed flat, her still face: `---`.
    case still
    /// Open, clicking at the baby: `O`.
    case open

    /// The infant's mouth for what it does and feels.
    static func infant(behavior: Behavior, affect: Affect) -> MouthShape {
        if behavior == .selfSoothing { return .thumb }
        if behavior == .cooing { return .round }
        switch affect {
        case .delighted: return .grin
        case .interested: return .smile
        case .neutral: return .line
        case .dull, .withdrawn: return .flat
        case .fussy: return .frown
        case .distressed: return .wail
        case .protesting: return .grimace
        }
    }

    /// The caregiver's mouth for what she does.
    static func caregiver(_ action: CaregiverAction) -> MouthShape {
        switch action {
        case .play: .grin
        case .greet: .smile
        case .wait, .disengage: .line
        case .soothe: .round
        case .intrude: .open
        case .stillFace: .still
        }
    }

    /// The mouth's rows at `detail`, centred in their width.
    func art(_ detail: FaceDetail) -> [String] {
        switch detail {
        case .fine:
            switch self {
            case .grin: return ["\\_/"]
            case .smile: return [" u "]
            case .line: return [" - "]
            case .flat: return [" _ "]
            case .frown: return [" n "]
            case .wail: return ["/O\\"]
            case .grimace: return ["/^\\"]
            case .round: return [" o "]
            case .thumb: return [" o="]
            case .still: return ["---"]
            case .open: return [" O "]
            }
        case .medium:
            switch self {
            case .grin: return ["\\___/", " \\_/ "]
            case .smile: return ["     ", " \\_/ "]
            case .line: return ["     ", " --- "]
            case .flat: return ["     ", " ___ "]
            case .frown: return ["  _  ", " / \\ "]
            case .wail: return [" .-. ", "(___)"]
            case .grimace: return [" /^\\ ", "     "]
            case .round: return ["     ", " (o) "]
            case .thumb: return ["     ", " (o)="]
            case .still: return ["     ", "-----"]
            case .open: return [" .-. ", " '-' "]
            }
        case .large:
            switch self {
            case .grin: return ["\\_______/", " \\     / ", "  '---'  "]
            case .smile: return ["         ", "  \\___/  ", "         "]
            case .line: return ["         ", "  -----  ", "         "]
            case .flat: return ["         ", "  _____  ", "         "]
            case .frown: return ["   ___   ", "  /   \\  ", "         "]
            case .wail: return ["  .---.  ", " /     \\ ", " '-----' "]
            case .grimace: return ["   /^\\   ", "  /   \\  ", "         "]
            case .round: return ["         ", "   (o)   ", "         "]
            case .thumb: return ["         ", "   (o)===", "         "]
            case .still: return ["         ", " ------- ", "         "]
            case .open: return ["   .-.   ", "  (   )  ", "   '-'   "]
            }
        }
    }
}
