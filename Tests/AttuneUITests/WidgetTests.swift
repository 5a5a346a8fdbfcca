import Testing

@testable import AttuneUI

/// Renders `widget` into a blank frame of the given size, filling it.
func rendered(_ widget: some Widget, width: Int, height: Int) -> Frame {
    var frame = Frame(width: width, height: height)
    frame.render(widget, in: frame.bounds)
    return frame
}

@Suite struct TextLineTests {
    @Test func alignsLeftCentreAndRight() {
        #expect(rendered(TextLine("calm"), width: 8, height: 1).text(row: 0) == "calm    ")
        #expect(
            rendered(TextLine("calm", alignment: .centre), width: 8, height: 1).text(row: 0)
                == "  calm  ")
        #expect(
            rendered(TextLine("calm", alignment: .right), width: 8, height: 1).text(row: 0)
                == "    calm")
    }

    @Test func longTextEndsWithAnEllipsis() {
        #expect(
            rendered(TextLine("The baby looks away"), width: 10, height: 1).text(row: 0)
                == "The baby… ")
        #expect(
            rendered(TextLine("The baby looks away", glyphs: .ascii), width: 10, height: 1).text(
                row: 0)
                == "The...    ")
    }

    @Test func drawsOnlyInTheTopRowOfItsArea() {
        let frame = rendered(TextLine("hi"), width: 3, height: 2)
        #expect(frame.lines == ["hi ", "   "])
    }

    @Test func carriesItsStyle() {
        let frame = rendered(TextLine("hi", style: .colour(.warm)), width: 3, height: 1)
        #expect(frame[1, 0].style == .colour(.warm))
        #expect(frame[2, 0].style == .plain)
    }
}

@Suite struct BoxTests {
    @Test func drawsBorderAndTitle() {
        let frame = rendered(Box(title: "Baby"), width: 10, height: 3)
        #expect(frame.lines == ["┌─ Baby ─┐", "│        │", "└────────┘"])
    }

    @Test func aLongTitleIsCut() {
        let frame = rendered(Box(title: "Caregiver"), width: 9, height: 3)
        #expect(frame.text(row: 0) == "┌─ Ca… ─┐")
    }

    @Test func asciiBox() {
        let frame = rendered(Box(title: "Baby", glyphs: .ascii), width: 10, height: 3)
        #expect(frame.lines == ["+- Baby -+", "|        |", "+--------+"])
    }

    @Test func innerIsInsideTheBorder() {
        #expect(
            Box().inner(Rect(column: 0, row: 0, width: 10, height: 3))
                == Rect(column: 1, row: 1, width: 8, height: 1))
    }

    @Test func tooSmallAreaDrawsNothing() {
        #expect(rendered(Box(), width: 1, height: 3).lines == [" ", " ", " "])
    }
}

@Suite struct BandGaugeTests {
    @Test func showsTheBandAndTheMarker() {
        let gauge = BandGauge(value: 0.45, band: 0.3...0.6)
        #expect(rendered(gauge, width: 12, height: 1).text(row: 0) == "[░░░▓●▓░░░░]")
    }

    @Test func asciiGauge() {
        let gauge = BandGauge(value: 0.45, band: 0.3...0.6, glyphs: .ascii)
        #expect(rendered(gauge, width: 12, height: 1).text(row: 0) == "[...=|=....]")
    }

    @Test func valuesOutsideTheRangeSitAtTheEnds() {
        #expect(
            rendered(BandGauge(value: 1.7, band: 0.3...0.6), width: 7, height: 1).text(row: 0)
                == "[░▓▓░●]")
        #expect(
            rendered(BandGauge(value: -1, band: 0.3...0.6), width: 7, height: 1).text(row: 0)
                == "[●▓▓░░]")
    }

    @Test func noValueShowsNoMarker() {
        #expect(
            rendered(BandGauge(value: nil, band: 0.3...0.6), width: 7, height: 1).text(row: 0)
                == "[░▓▓░░]")
        #expect(
            rendered(BandGauge(value: .nan, band: 0.3...0.6), width: 7, height: 1).text(row: 0)
                == "[░▓▓░░]")
    }

    @Test func partsCarryTheirStyles() {
        let gauge = BandGauge(
            value: 0.9, band: 0.3...0.6, trackStyle: .colour(.muted), bandStyle: .colour(.calm),
            markerStyle: .colour(.alert))
        let frame = rendered(gauge, width: 12, height: 1)
        #expect(frame[1, 0].style == .colour(.muted))
        #expect(frame[5, 0].style == .colour(.calm))
        #expect(frame[10, 0] == Cell("●", style: .colour(.alert)))
    }

    @Test func markerIndexSplitsTheRangeEvenly() {
        #expect(BandGauge.markerIndex(value: 0, cells: 10) == 0)
        #expect(BandGauge.markerIndex(value: 0.099, cells: 10) == 0)
        #expect(BandGauge.markerIndex(value: 0.1, cells: 10) == 1)
        #expect(BandGauge.markerIndex(value: 1, cells: 10) == 9)
        #expect(BandGauge.markerIndex(value: nil, cells: 10) == nil)
    }
}

@Suite struct StripChartTests {
    @Test func sparklineOfTheNewestValuesAtTheRight() {
        let chart = StripChart(values: [0, 0.5, 1])
        #expect(rendered(chart, width: 5, height: 1).text(row: 0) == "  ▁▄█")
    }

    @Test func olderValuesScrollOffTheLeft() {
        let chart = StripChart(values: [1, 1, 0, 0.5, 1])
        #expect(rendered(chart, width: 3, height: 1).text(row: 0) == "▁▄█")
    }

    @Test func tallChartsStackBlocks() {
        let chart = StripChart(values: [0, 0.5, 0.75, 1])
        #expect(rendered(chart, width: 4, height: 2).lines == ["  ▄█", "▁███"])
    }

    @Test func valuesAreScaledFromTheRange() {
        let chart = StripChart(values: [10, 20], range: 10...20)
        #expect(rendered(chart, width: 2, height: 1).text(row: 0) == "▁█")
    }

    @Test func notANumberLeavesAGap() {
        let chart = StripChart(values: [1, .nan, 1])
        #expect(rendered(chart, width: 3, height: 1).text(row: 0) == "█ █")
    }

    @Test func asciiLevels() {
        let chart = StripChart(values: [0, 0.5, 1], glyphs: .ascii)
        #expect(rendered(chart, width: 3, height: 1).text(row: 0) == "_=#")
    }

    @Test func samplesCanCarryTheirOwnStyle() {
        let chart = StripChart(
            values: [0.2, 0.9], style: .colour(.calm),
            sampleStyles: [.colour(.calm), .colour(.alert)])
        let frame = rendered(chart, width: 2, height: 1)
        #expect(frame[0, 0].style == .colour(.calm))
        #expect(frame[1, 0].style == .colour(.alert))
    }
}

@Suite struct TrackChartTests {
    @Test func oneSymbolPerSampleNewestAtTheRight() {
        let chart = TrackChart(marks: [
            TrackMark("●", style: .colour(.calm)), TrackMark("○"),
            TrackMark("x", style: .colour(.distress)),
        ])
        let frame = rendered(chart, width: 5, height: 1)
        #expect(frame.text(row: 0) == "  ●○x")
        #expect(frame[2, 0].style == .colour(.calm))
        #expect(frame[4, 0].style == .colour(.distress))
    }

    @Test func olderSamplesScrollOffTheLeft() {
        let chart = TrackChart(marks: "abcdefg".map { TrackMark($0) })
        #expect(rendered(chart, width: 3, height: 1).text(row: 0) == "efg")
    }
}

@Suite struct KeyBarTests {
    let hints = [KeyHint(key: "q", label: "quit"), KeyHint(key: "p", label: "pause")]

    @Test func keysInReverseFollowedByLabels() {
        let frame = rendered(KeyBar(hints: hints), width: 22, height: 1)
        #expect(frame.text(row: 0) == " q  quit   p  pause   ")
        #expect(frame[0, 0].style.reverse)
        #expect(frame[1, 0] == Cell("q", style: Style(reverse: true)))
        #expect(frame[2, 0].style.reverse)
        #expect(!frame[3, 0].style.reverse)
        #expect(frame[11, 0] == Cell("p", style: Style(reverse: true)))
    }

    @Test func hintsThatDoNotFitAreLeftOutWhole() {
        let frame = rendered(KeyBar(hints: hints), width: 15, height: 1)
        #expect(frame.text(row: 0) == " q  quit       ")
    }

    @Test func withoutPaddingTheKeysStayInReverseAndTakeLessRoom() {
        let frame = rendered(KeyBar(hints: hints, padded: false), width: 16, height: 1)
        #expect(frame.text(row: 0) == "q quit  p pause ")
        #expect(frame[0, 0] == Cell("q", style: Style(reverse: true)))
        #expect(!frame[1, 0].style.reverse)
        #expect(frame[8, 0] == Cell("p", style: Style(reverse: true)))
        #expect(KeyBar.width(hints, gap: 2, padded: false) == 15)
    }

    @Test func theRoomiestStyleThatFits() {
        #expect(KeyBar.width(hints, gap: 2) == 19)
        #expect(KeyBar.roomiest(hints, width: 19)! == (2, true))
        #expect(KeyBar.roomiest(hints, width: 18)! == (1, true))
        #expect(KeyBar.roomiest(hints, width: 17)! == (2, false))
        #expect(KeyBar.roomiest(hints, width: 14)! == (1, false))
        #expect(KeyBar.roomiest(hints, width: 13) == nil)
    }
}

@Suite struct CentredMessageTests {
    @Test func centredBothWays() {
        let frame = rendered(CentredMessage("Paused"), width: 10, height: 3)
        #expect(frame.lines == ["          ", "  Paused  ", "          "])
    }

    @Test func severalLinesStayTogether() {
        let frame = rendered(
            CentredMessage(lines: ["Too small", "need 80x24"], glyphs: .ascii), width: 12, height: 4
        )
        #expect(frame.lines == ["            ", " Too small  ", " need 80x24 ", "            "])
    }
}

@Suite struct HelpOverlayTests {
    let overlay = HelpOverlay(
        title: "Keys",
        hints: [KeyHint(key: "q", label: "quit"), KeyHint(key: "Space", label: "pause")],
        footer: "Any key closes")

    @Test func boxSizedToItsContentAndCentred() {
        let area = Rect(column: 0, row: 0, width: 30, height: 10)
        #expect(overlay.placement(in: area) == Rect(column: 6, row: 2, width: 18, height: 6))
    }

    @Test func listsKeysInAColumnOverWhateverWasThere() {
        var frame = Frame(width: 30, height: 10, fill: Cell("#"))
        frame.render(overlay, in: frame.bounds)
        #expect(
            frame.lines == [
                "##############################",
                "##############################",
                "######┌─ Keys ─────────┐######",
                "######│ q      quit    │######",
                "######│ Space  pause   │######",
                "######│                │######",
                "######│ Any key closes │######",
                "######└────────────────┘######",
                "##############################",
                "##############################",
            ])
    }
}

@Suite struct SelectableListTests {
    let items = ["Peek-a-boo: waiting", "Peek-a-boo: chasing", "Still face", "Good enough"]

    @Test func selectedItemIsMarked() {
        let list = SelectableList(items: items, selectedIndex: 1)
        let frame = rendered(list, width: 14, height: 4)
        #expect(
            frame.lines == ["  Peek-a-boo… ", "▶ Peek-a-boo… ", "  Still face  ", "  Good enough "])
        #expect(frame[13, 1].style == Style(bold: true, reverse: true))
        #expect(frame[13, 2].style == .plain)
    }

    @Test func scrollsToKeepTheSelectionVisible() {
        let list = SelectableList(items: items, selectedIndex: 3, glyphs: .ascii)
        let frame = rendered(list, width: 14, height: 2)
        #expect(frame.lines == ["  Still face  ", "> Good enough "])
        #expect(list.firstVisibleIndex(visibleRows: 2) == 2)
    }

    @Test func noSelectionShowsTheTop() {
        let list = SelectableList(items: items, selectedIndex: nil)
        #expect(rendered(list, width: 8, height: 1).text(row: 0) == "  Peek-…")
    }

    @Test func selectionIsClampedToTheItems() {
        let list = SelectableList(items: items, selectedIndex: 99)
        #expect(list.firstVisibleIndex(visibleRows: 2) == 2)
    }
}
