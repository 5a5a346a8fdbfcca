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

    @Test func truncationCutsBetweenWholeWords() {
        // Never "tsk tsk! h…": the cut word goes whole.
        #expect(Glyphs.unicode.truncate("tsk tsk! hey!", toWidth: 11) == "tsk tsk!…")
        #expect(Glyphs.unicode.truncate("tsk tsk! hey!", toWidth: 10) == "tsk tsk!…")
        #expect(Glyphs.unicode.truncate("tsk tsk! hey!", toWidth: 8) == "tsk…")
        #expect(Glyphs.ascii.truncate("The baby looks away", toWidth: 10) == "The...")
        // A cut that falls on a space keeps the whole word before it.
        #expect(Glyphs.unicode.truncate("Wait or chase? One baby", toWidth: 15) == "Wait or chase?…")
    }

    @Test func truncationDropsSeparatorsBeforeTheEllipsis() {
        #expect(Glyphs.unicode.truncate("Caregiver · attuned", toWidth: 14) == "Caregiver…")
        #expect(Glyphs.unicode.truncate("Peek-a-boo: waiting", toWidth: 12) == "Peek-a-boo…")
    }

    @Test func truncationKeepsANumberWithItsUnit() {
        // "waits · 1.5…" would hide what the number counts.
        #expect(Glyphs.unicode.truncate("She waits · 1.5 s so far", toWidth: 17) == "She waits…")
        #expect(Glyphs.unicode.truncate("heart 153 bpm, resting 140", toWidth: 12) == "heart…")
    }

    @Test func truncationCutsAFirstWordTooLongForTheWidth() {
        #expect(Glyphs.unicode.truncate("overstimulated baby", toWidth: 6) == "overs…")
        #expect(Glyphs.ascii.truncate("overstimulated", toWidth: 8) == "overs...")
    }
}
