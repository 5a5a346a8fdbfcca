import Foundation

/// One character position of a ``Frame``: a single grapheme and its style.
///
/// Every grapheme is assumed to take one terminal column. Attune avoids
/// emoji and other wide characters for that reason; box-drawing, block and
/// shade characters are one column wide everywhere.
///
/// The grapheme is kept as its UTF-8 bytes inside the cell (up to 15; a
/// longer one is kept once in a shared table and the cell holds its
/// number), so a cell holds no reference: frames of thousands of cells are
/// made, compared and thrown away without counting references cell by
/// cell.
public struct Cell: Hashable, Sendable {
    /// The grapheme's first 8 UTF-8 bytes, the first in the lowest byte;
    /// or, for a grapheme of more than 15 bytes, its number in
    /// ``LongGraphemes``.
    private var head: UInt64
    /// Its bytes 9 to 15 in the low 7 bytes, and in the top byte how many
    /// bytes it has (1...15), or ``longMark``.
    private var tail: UInt64
    /// How the grapheme is drawn.
    public var style: Style

    /// The grapheme shown in this position. Never a control character.
    public var grapheme: Character {
        get { Self.decode(head, tail) }
        set { (head, tail) = Self.encode(newValue) }
    }

    /// Creates a cell. Control characters (newline, tab, escape...) are
    /// replaced by a space so that nothing written to a frame can drive
    /// the terminal.
    public init(_ grapheme: Character, style: Style = .plain) {
        (head, tail) = Self.encode(Cell.printable(grapheme))
        self.style = style
    }

    /// Two cells are equal when their styles are and their graphemes are
    /// (canonically equivalent, as `Character` compares them); the same
    /// bytes answer at once.
    public static func == (a: Cell, b: Cell) -> Bool {
        guard a.style == b.style else { return false }
        if a.head == b.head && a.tail == b.tail { return true }
        // Different bytes: only two ASCII graphemes are surely different.
        if a.isSingleASCII && b.isSingleASCII { return false }
        return a.grapheme == b.grapheme
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(grapheme)
        hasher.combine(style)
    }

    /// True when `other` holds the same grapheme, byte for byte, in the
    /// same style: what a terminal must not be sent again. (Two
    /// canonically equivalent graphemes written with different bytes are
    /// equal cells, but not identical ones.)
    func isIdentical(to other: Cell) -> Bool {
        head == other.head && tail == other.tail && style == other.style
    }

    /// Appends the grapheme's UTF-8 bytes to `bytes`.
    func appendUTF8(to bytes: inout [UInt8]) {
        let count = Int(tail >> 56)
        guard UInt64(count) != Self.longMark else {
            bytes.append(contentsOf: String(grapheme).utf8)
            return
        }
        for index in 0..<count {
            bytes.append(UInt8(truncatingIfNeeded: index < 8 ? head >> (8 * index) : tail >> (8 * (index - 8))))
        }
    }

    /// True when the grapheme is one ASCII byte.
    private var isSingleASCII: Bool { tail >> 56 == 1 && head < 0x80 }

    /// The top byte of ``tail`` for a grapheme kept in ``LongGraphemes``.
    private static let longMark: UInt64 = 0xFF

    /// `grapheme` as the two words of a cell.
    private static func encode(_ grapheme: Character) -> (UInt64, UInt64) {
        var head: UInt64 = 0
        var tail: UInt64 = 0
        var count = 0
        for byte in grapheme.utf8 {
            if count < 8 {
                head |= UInt64(byte) << (8 * count)
            } else if count < 15 {
                tail |= UInt64(byte) << (8 * (count - 8))
            } else {
                return (UInt64(LongGraphemes.shared.number(of: grapheme)), longMark << 56)
            }
            count += 1
        }
        return (head, tail | UInt64(count) << 56)
    }

    /// The grapheme of the two words of a cell.
    private static func decode(_ head: UInt64, _ tail: UInt64) -> Character {
        let count = Int(tail >> 56)
        if count == 1 { return Character(Unicode.Scalar(UInt8(truncatingIfNeeded: head))) }
        if UInt64(count) == longMark { return LongGraphemes.shared.grapheme(Int(head)) }
        var bytes = (head.littleEndian, (tail & 0x00FF_FFFF_FFFF_FFFF).littleEndian)
        return withUnsafeBytes(of: &bytes) { raw in
            Character(String(decoding: raw.prefix(count), as: UTF8.self))
        }
    }

    /// An empty position: a space in the plain style.
    public static let blank = Cell(" ")

    /// Returns `grapheme`, or a space when it is a control character.
    static func printable(_ grapheme: Character) -> Character {
        // Most cells are printable ASCII (space to `~`): their first
        // scalar's category is known without looking it up.
        if let byte = grapheme.utf8.first, byte >= 0x20, byte < 0x7F { return grapheme }
        guard let first = grapheme.unicodeScalars.first else { return " " }
        // So are the box-drawing, block and shape characters the screens
        // draw with (U+2500 to U+25FF: all symbols).
        if first.value >= 0x2500 && first.value <= 0x25FF { return grapheme }
        switch first.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator:
            return " "
        default:
            return grapheme
        }
    }
}

/// The graphemes of more than 15 UTF-8 bytes written to any frame, each
/// kept once, so that a ``Cell`` can hold a number in their place. Such
/// graphemes are rare (Attune draws none itself); the table only grows.
final class LongGraphemes: @unchecked Sendable {
    /// The one table.
    static let shared = LongGraphemes()

    private let lock = NSLock()
    private var graphemes: [Character] = []
    /// Each grapheme's number, by its bytes (not by `Character`'s
    /// equivalence, so that each is given back byte for byte).
    private var numbers: [[UInt8]: Int] = [:]

    /// The number of `grapheme`, given it the first time.
    func number(of grapheme: Character) -> Int {
        let key = Array(grapheme.utf8)
        lock.lock()
        defer { lock.unlock() }
        if let number = numbers[key] { return number }
        graphemes.append(grapheme)
        numbers[key] = graphemes.count - 1
        return graphemes.count - 1
    }

    /// The grapheme numbered `number`.
    func grapheme(_ number: Int) -> Character {
        lock.lock()
        defer { lock.unlock() }
        return graphemes[number]
    }
}
