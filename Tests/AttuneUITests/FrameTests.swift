import Testing

@testable import AttuneUI

@Suite struct FrameTests {
    @Test func aNewFrameIsBlank() {
        let frame = Frame(width: 4, height: 2)
        #expect(frame.lines == ["    ", "    "])
        #expect(frame[0, 0] == .blank)
    }

    @Test func negativeSizesBecomeEmpty() {
        let frame = Frame(width: -3, height: 2)
        #expect(frame.width == 0)
        #expect(frame.cells.isEmpty)
    }

    @Test func writingPutsOneGraphemePerColumn() {
        var frame = Frame(width: 8, height: 2)
        let end = frame.write("calm", column: 2, row: 1, style: .colour(.calm))
        #expect(end == 6)
        #expect(frame.text(row: 1) == "  calm  ")
        #expect(frame[2, 1] == Cell("c", style: .colour(.calm)))
    }

    @Test func writingClipsAtTheRightEdge() {
        var frame = Frame(width: 5, height: 1)
        let end = frame.write("infant", column: 2, row: 0)
        #expect(frame.text(row: 0) == "  inf")
        #expect(end == 8)
    }

    @Test func writingClipsAtTheLeftEdge() {
        var frame = Frame(width: 5, height: 1)
        frame.write("infant", column: -3, row: 0)
        #expect(frame.text(row: 0) == "ant  ")
    }

    @Test func writingOutsideTheRowsDoesNothing() {
        var frame = Frame(width: 3, height: 1)
        frame.write("abc", column: 0, row: 1)
        frame.write("abc", column: 0, row: -1)
        #expect(frame.lines == ["   "])
    }

    @Test func writingClipsToAGivenRectangle() {
        var frame = Frame(width: 8, height: 2)
        let clip = Rect(column: 2, row: 0, width: 3, height: 1)
        frame.write("abcdefgh", column: 0, row: 0, clip: clip)
        frame.write("abcdefgh", column: 0, row: 1, clip: clip)
        #expect(frame.lines == ["  cde   ", "        "])
    }

    @Test func controlCharactersBecomeSpaces() {
        var frame = Frame(width: 5, height: 1)
        frame.write("a\nb\u{1b}c", column: 0, row: 0)
        #expect(frame.text(row: 0) == "a b c")
    }

    @Test func boxAndBlockCharactersTakeOneColumnEach() {
        var frame = Frame(width: 6, height: 1)
        frame.write("┌─▁█░●", column: 0, row: 0)
        #expect(frame.text(row: 0) == "┌─▁█░●")
        #expect(frame[5, 0].grapheme == "●")
    }

    @Test func combiningMarksStayInTheirCell() {
        var frame = Frame(width: 3, height: 1)
        frame.write("e\u{301}x", column: 0, row: 0)
        #expect(frame[0, 0].grapheme == "é")
        #expect(frame[1, 0].grapheme == "x")
    }

    @Test func aCellGivesBackItsGraphemeByteForByteWhateverItsLength() {
        // One byte, two, three, a combining sequence, and graphemes longer
        // than a cell keeps inside itself (a family of four, a tagged flag).
        let graphemes: [Character] = [
            "a", "é", "e\u{301}", "●", "─", "🇫🇷", "👨‍👩‍👧‍👦", "🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}",
        ]
        for grapheme in graphemes {
            let cell = Cell(grapheme, style: .colour(.calm))
            #expect(Array(String(cell.grapheme).utf8) == Array(String(grapheme).utf8), "\(grapheme) comes back byte for byte")
            #expect(cell == Cell(grapheme, style: .colour(.calm)))
            #expect(cell != Cell(grapheme, style: .plain))
            #expect(cell != Cell("x", style: .colour(.calm)))
        }
        // Canonically equivalent graphemes make equal cells with equal
        // hashes, as `Character` has it; the bytes each was written with
        // are kept.
        let composed = Cell("\u{E9}")
        let decomposed = Cell("e\u{301}")
        #expect(composed == decomposed)
        #expect(composed.hashValue == decomposed.hashValue)
        #expect(Array(String(decomposed.grapheme).utf8) == [0x65, 0xCC, 0x81])
        #expect(Cell("K") == Cell("\u{212A}"), "the Kelvin sign is a K, as Character compares them")
        var changed = Cell("a")
        changed.grapheme = "👨‍👩‍👧‍👦"
        #expect(changed.grapheme == "👨‍👩‍👧‍👦")
        #expect(Cell("\u{7}").grapheme == " ", "a control character becomes a space")
    }

    @Test func subscriptOutsideTheFrameReadsBlankAndIgnoresWrites() {
        var frame = Frame(width: 2, height: 2)
        frame[5, 5] = Cell("x")
        frame[-1, 0] = Cell("x")
        #expect(frame[5, 5] == .blank)
        #expect(frame.lines == ["  ", "  "])
    }

    @Test func fillCoversTheClippedRectangle() {
        var frame = Frame(width: 4, height: 3)
        frame.fill(Rect(column: 2, row: 1, width: 5, height: 5), with: Cell("#"))
        #expect(frame.lines == ["    ", "  ##", "  ##"])
    }

    @Test func restyleKeepsTheGraphemes() {
        var frame = Frame(width: 3, height: 1)
        frame.write("abc", column: 0, row: 0)
        frame.restyle(Rect(column: 1, row: 0, width: 1, height: 1), with: .colour(.alert))
        #expect(frame.text(row: 0) == "abc")
        #expect(frame[1, 0].style == .colour(.alert))
        #expect(frame[0, 0].style == .plain)
    }

    @Test func textOfARowOutsideTheFrameIsEmpty() {
        let frame = Frame(width: 2, height: 1)
        #expect(frame.text(row: 3) == "")
    }

    @Test func renderClipsTheWidgetAreaToTheFrame() {
        var frame = Frame(width: 4, height: 1)
        frame.render(
            TextLine("abcdef", glyphs: .ascii), in: Rect(column: 2, row: 0, width: 10, height: 1))
        #expect(frame.text(row: 0) == "  ab")
    }
}
