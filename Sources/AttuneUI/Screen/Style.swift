/// A colour named for what it means on screen, not for its hue.
///
/// The backend decides the actual terminal colour; a monochrome ``Theme``
/// turns each one into text attributes instead. Colour is never the only
/// carrier of meaning: words and symbols say the same thing.
public enum SemanticColour: Int, CaseIterable, Hashable, Sendable {
    /// The terminal's own foreground or background.
    case `default`
    /// Settled, comfortable, coordinated (e.g. arousal inside the window of tolerance).
    case calm
    /// Warm, positive affect (delight, greeting).
    case warm
    /// Worth watching: above the comfortable range, a look-away, a rupture starting.
    case alert
    /// Distress: crying, pushing away, a long unrepaired rupture.
    case distress
    /// Secondary information: scales, captions, old samples.
    case muted
    /// Headings, highlights and the caregiver's side.
    case accent
}

/// How one cell is drawn: semantic foreground and background colours plus
/// text attributes.
public struct Style: Hashable, Sendable {
    /// Foreground (text) colour. Default: `.default`.
    public var foreground: SemanticColour
    /// Background colour. Default: `.default`.
    public var background: SemanticColour
    /// Heavier text.
    public var bold: Bool
    /// Fainter text.
    public var dim: Bool
    /// Foreground and background swapped.
    public var reverse: Bool
    /// Underlined text.
    public var underline: Bool

    /// Creates a style; every part defaults to the terminal's plain look.
    public init(
        foreground: SemanticColour = .default,
        background: SemanticColour = .default,
        bold: Bool = false,
        dim: Bool = false,
        reverse: Bool = false,
        underline: Bool = false
    ) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.dim = dim
        self.reverse = reverse
        self.underline = underline
    }

    /// The terminal's plain text: default colours, no attributes.
    public static let plain = Style()

    /// Plain text in the given foreground colour.
    public static func colour(_ foreground: SemanticColour) -> Style {
        Style(foreground: foreground)
    }

    /// This style made bold.
    public var bolded: Style {
        var copy = self
        copy.bold = true
        return copy
    }

    /// This style made dim.
    public var dimmed: Style {
        var copy = self
        copy.dim = true
        return copy
    }

    /// This style with foreground and background swapped.
    public var reversed: Style {
        var copy = self
        copy.reverse = true
        return copy
    }

    /// This style underlined.
    public var underlined: Style {
        var copy = self
        copy.underline = true
        return copy
    }
}
