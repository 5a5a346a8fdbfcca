/// One input event for the app, independent of curses: a key press, a
/// terminal resize, a clock tick, or a request to quit.
public enum Key: Hashable, Sendable {
    /// A printable character (letters, digits, punctuation, space).
    case character(Character)
    /// The up arrow.
    case up
    /// The down arrow.
    case down
    /// The left arrow.
    case left
    /// The right arrow.
    case right
    /// Page up.
    case pageUp
    /// Page down.
    case pageDown
    /// Home.
    case home
    /// End.
    case end
    /// Enter / Return.
    case enter
    /// Escape.
    case escape
    /// Backspace (or Delete on keyboards that send it for backspace).
    case backspace
    /// Tab.
    case tab
    /// A control-key combination, e.g. `.control("l")` for Ctrl-L.
    /// The letter is lower case.
    case control(Character)
    /// The terminal changed size (or was redrawn after a suspend): render
    /// again at the new size.
    case resize
    /// Time passed with no input (the app loop's clock).
    case tick
    /// The user or the system asked the program to stop (Ctrl-C, SIGTERM,
    /// hang-up). The app should quit cleanly.
    case interrupt

    /// The key for a plain character code as terminals send it (Unicode
    /// scalar value): 10 and 13 are Enter, 27 is Escape, 8 and 127 are
    /// Backspace, 9 is Tab, other codes below 32 are Ctrl-letter, and
    /// printable characters are `.character`. Returns nil for codes that
    /// are not valid Unicode scalars or have no meaning here.
    public init?(characterCode code: UInt32) {
        switch code {
        case 10, 13: self = .enter
        case 27: self = .escape
        case 8, 127: self = .backspace
        case 9: self = .tab
        case 1...26:
            self = .control(Character(Unicode.Scalar(UInt8(code) + 96)))
        case 0..<32:
            return nil
        default:
            guard let scalar = Unicode.Scalar(code),
                Cell.printable(Character(scalar)) != " " || scalar == " "
            else { return nil }
            self = .character(Character(scalar))
        }
    }
}
