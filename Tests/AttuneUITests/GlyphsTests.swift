import Testing

@testable import AttuneUI

@Suite struct GlyphsTests {
    @Test func asciiSetHasNoByteAbove0x7F() {
        for glyph in Glyphs.ascii.all {
            #expect(glyph.utf8.allSatisfy { $0 < 0x80 }, "\(glyph)")
        }
    }

    @Test func everyUnicodeGlyphIsOneGrapheme() {
        for glyph in Glyphs.unicode.all where glyph != Glyphs.unicode.ellipsis {
            #expect(glyph.count == 1, "\(glyph)")
        }
        #expect(Glyphs.unicode.ellipsis.count == 1)
    }

    @Test func everyWidgetDrawnWithAsciiGlyphsIsPureAscii() {
        let g = Glyphs.ascii
        var frame = Frame(width: 40, height: 24)
        let rows = frame.bounds.rows(Array(repeating: .fixed(3), count: 8))
        frame.render(Box(title: "A very long title indeed for this box", glyphs: g), in: rows[0])
        frame.render(
            TextLine("A line that is too long to fit in forty columns", glyphs: g), in: rows[1])
        frame.render(BandGauge(value: 0.5, band: 0.2...0.7, glyphs: g), in: rows[2])
        frame.render(StripChart(values: (0..<50).map { Double($0) / 50 }, glyphs: g), in: rows[3])
        frame.render(KeyBar(hints: [KeyHint(key: "q", label: "quit")]), in: rows[4])
        frame.render(
            SelectableList(items: ["one", "two"], selectedIndex: 1, glyphs: g), in: rows[5])
        frame.render(
            CentredMessage("A message far too long to fit into the space", glyphs: g), in: rows[6])
        frame.render(
            HelpOverlay(hints: [KeyHint(key: "q", label: "quit")], footer: "bye", glyphs: g),
            in: frame.bounds)
        for line in frame.lines {
            #expect(line.utf8.allSatisfy { $0 < 0x80 }, "\(line)")
        }
    }

    @Test func truncationKeepsShortTextAndCutsLongText() {
        #expect(Glyphs.unicode.truncate("calm", toWidth: 4) == "calm")
        #expect(Glyphs.unicode.truncate("calmer", toWidth: 4) == "cal…")
        #expect(Glyphs.ascii.truncate("calmer", toWidth: 5) == "ca...")
        #expect(Glyphs.ascii.truncate("calmer", toWidth: 2) == "ca")
        #expect(Glyphs.unicode.truncate("calmer", toWidth: 0) == "")
    }

    @Test func truncationDropsSpacesBeforeTheEllipsis() {
        #expect(Glyphs.unicode.truncate("The baby looks", toWidth: 10) == "The baby…")
    }
}
