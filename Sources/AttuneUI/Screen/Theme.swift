/// How semantic styles become what the terminal shows: in colour, or in
/// monochrome with attributes only.
///
/// In monochrome (`NO_COLOR` set, `--no-color`, or a terminal without
/// colours) colours are dropped and a few become attributes: `warm`,
/// `alert` and `accent` turn bold, `distress` turns bold and reversed,
/// `muted` turns dim, `calm` stays plain, and any non-default background
/// turns into reverse video. Words and symbols carry the meaning in both.
///
/// The high-contrast look (for a projector) goes on top of either mode:
/// every cell bold, nothing dim, muted text in the default colour.
public struct Theme: Hashable, Sendable {
    /// Whether colours reach the terminal.
    public enum Mode: Hashable, Sendable {
        /// Semantic colours are shown as terminal colours.
        case colour
        /// No colours; styles map to bold, dim, reverse or nothing.
        case monochrome
    }

    /// The mode of this theme.
    public let mode: Mode
    /// True for the projector's high-contrast look (`attune present`):
    /// every cell bold, nothing dim, muted text shown in the default
    /// colour. Default false.
    public let highContrast: Bool

    /// Creates a theme for `mode`.
    /// - Parameters:
    ///   - mode: colour or monochrome.
    ///   - highContrast: the projector's high-contrast look, default false.
    public init(mode: Mode, highContrast: Bool = false) {
        self.mode = mode
        self.highContrast = highContrast
    }

    /// This theme with the high-contrast look switched on or off.
    public func withHighContrast(_ on: Bool) -> Theme {
        Theme(mode: mode, highContrast: on)
    }

    /// Colours shown as they are.
    public static let colour = Theme(mode: .colour)

    /// No colours: attributes only.
    public static let monochrome = Theme(mode: .monochrome)

    /// True when colours reach the terminal.
    public var usesColour: Bool { mode == .colour }

    /// Picks the theme for a terminal.
    ///
    /// - Parameters:
    ///   - colourRequested: false when the user asked for no colour
    ///     (e.g. `--no-color`). Default true.
    ///   - noColorVariable: the value of the `NO_COLOR` environment
    ///     variable, or nil when unset. Any non-empty value means
    ///     monochrome (see no-color.org).
    ///   - terminalColourCount: how many colours the terminal has (0 when
    ///     it has none). Fewer than 8 means monochrome.
    public static func detect(
        colourRequested: Bool = true, noColorVariable: String?, terminalColourCount: Int
    ) -> Theme {
        if !colourRequested { return .monochrome }
        if let value = noColorVariable, !value.isEmpty { return .monochrome }
        return terminalColourCount >= 8 ? .colour : .monochrome
    }

    /// The style as this theme shows it. In colour, the style is unchanged;
    /// in monochrome, colours are replaced by attributes (see ``Theme``).
    public func resolve(_ style: Style) -> Style {
        guard highContrast else { return resolveMode(style) }
        var strong = style
        if strong.foreground == .muted { strong.foreground = .default }
        strong.dim = false
        strong = resolveMode(strong)
        strong.bold = true
        strong.dim = false
        return strong
    }

    /// The style as this theme's mode shows it (without high contrast).
    private func resolveMode(_ style: Style) -> Style {
        guard mode == .monochrome else { return style }
        var plain = style
        plain.foreground = .default
        plain.background = .default
        switch style.foreground {
        case .default, .calm:
            break
        case .warm, .alert, .accent:
            plain.bold = true
        case .distress:
            plain.bold = true
            plain.reverse = true
        case .muted:
            plain.dim = true
        }
        if style.background != .default {
            plain.reverse = true
        }
        return plain
    }
}
