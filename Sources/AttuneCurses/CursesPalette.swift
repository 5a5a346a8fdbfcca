import AttuneUI
internal import CNcurses

/// The curses colour pairs and attributes for the semantic palette.
///
/// Foreground colours: calm green, warm magenta, alert yellow, distress
/// red, accent cyan, muted bright black (or the default colour made dim on
/// terminals with fewer than 16 colours). With enough colour pairs every
/// foreground and background combination gets a pair; otherwise only the
/// foregrounds do, on the default background.
struct CursesPalette {
    /// How many semantic colours there are (pairs are numbered by them).
    private static let count = SemanticColour.allCases.count

    /// Whether colour pairs were set up at all.
    let colourEnabled: Bool
    /// Whether each background has its own pairs.
    let backgroundsEnabled: Bool
    /// Whether muted is drawn as the default colour made dim.
    let mutedIsDim: Bool

    /// A palette that uses attributes only.
    static let monochrome = CursesPalette(
        colourEnabled: false, backgroundsEnabled: false, mutedIsDim: true)

    /// Starts colour in curses and defines the pairs. Call only when the
    /// theme is in colour and the screen is up.
    static func start() -> CursesPalette {
        guard start_color() == attune_ok() else { return .monochrome }
        let usesDefaults = use_default_colors() == attune_ok()
        let colours = Int(attune_colors())
        let pairs = Int(attune_color_pairs())
        let mutedIsDim = colours < 16
        func curses(_ colour: SemanticColour, background: Bool) -> Int16 {
            switch colour {
            case .default:
                if usesDefaults { return -1 }
                return Int16(background ? attune_color_black() : attune_color_white())
            case .calm: return Int16(attune_color_green())
            case .warm: return Int16(attune_color_magenta())
            case .alert: return Int16(attune_color_yellow())
            case .distress: return Int16(attune_color_red())
            case .accent: return Int16(attune_color_cyan())
            case .muted:
                if mutedIsDim {
                    return usesDefaults ? -1 : Int16(attune_color_white())
                }
                return 8
            }
        }
        let backgroundsEnabled = pairs > count * count
        guard pairs > count else { return .monochrome }
        for foreground in SemanticColour.allCases {
            let backgrounds = backgroundsEnabled ? SemanticColour.allCases : [.default]
            for background in backgrounds {
                let pair = pairNumber(foreground, background, backgroundsEnabled)
                guard pair > 0 else { continue }
                init_pair(
                    Int16(pair), curses(foreground, background: false),
                    curses(background, background: true))
            }
        }
        return CursesPalette(
            colourEnabled: true, backgroundsEnabled: backgroundsEnabled, mutedIsDim: mutedIsDim)
    }

    /// The pair number for a combination: 0 (the terminal default) for
    /// default on default, then one per combination (one per foreground
    /// when backgrounds have no pairs of their own).
    private static func pairNumber(
        _ foreground: SemanticColour, _ background: SemanticColour, _ backgroundsEnabled: Bool
    ) -> Int {
        guard backgroundsEnabled else { return foreground.rawValue }
        return foreground.rawValue * count + background.rawValue
    }

    /// The curses attributes for a style that a ``Theme`` has resolved.
    func attributes(for style: Style) -> Int32 {
        var attributes: Int32 = 0
        if style.bold { attributes |= attune_attr_bold() }
        if style.dim { attributes |= attune_attr_dim() }
        if style.reverse { attributes |= attune_attr_reverse() }
        if style.underline { attributes |= attune_attr_underline() }
        if style.foreground == .muted && mutedIsDim { attributes |= attune_attr_dim() }
        if colourEnabled {
            let pair = Self.pairNumber(style.foreground, style.background, backgroundsEnabled)
            if pair > 0 { attributes |= attune_color_pair_attr(Int32(pair)) }
            if !backgroundsEnabled && style.background != .default {
                attributes |= attune_attr_reverse()
            }
        }
        return attributes
    }
}
