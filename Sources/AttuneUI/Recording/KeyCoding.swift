/// Keys written as short words in a recording (`up`, `char:q`, `ctrl:l`)
/// and read back.
public enum KeyCoding {
    /// The word for `key`.
    public static func word(for key: Key) -> String {
        switch key {
        case let .character(character): "char:\(character)"
        case .up: "up"
        case .down: "down"
        case .left: "left"
        case .right: "right"
        case .pageUp: "page-up"
        case .pageDown: "page-down"
        case .home: "home"
        case .end: "end"
        case .enter: "enter"
        case .escape: "escape"
        case .backspace: "backspace"
        case .tab: "tab"
        case let .control(letter): "ctrl:\(letter)"
        case .resize: "resize"
        case .tick: "tick"
        case .interrupt: "interrupt"
        }
    }

    /// The key a word stands for, or nil when it is not one.
    public static func key(for word: String) -> Key? {
        if word.hasPrefix("char:"), word.count == 6 { return .character(word.last!) }
        if word.hasPrefix("ctrl:"), word.count == 6, let letter = word.last, letter.isASCII, letter.isLowercase {
            return .control(letter)
        }
        let named: [String: Key] = [
            "up": .up, "down": .down, "left": .left, "right": .right, "page-up": .pageUp, "page-down": .pageDown,
            "home": .home, "end": .end, "enter": .enter, "escape": .escape, "backspace": .backspace, "tab": .tab,
            "resize": .resize, "tick": .tick, "interrupt": .interrupt,
        ]
        return named[word]
    }
}
