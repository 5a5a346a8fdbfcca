/// One term of the "What am I looking at?" page: what the screen shows,
/// in two or three plain sentences, and the findings it rests on.
public struct InfoEntry: Hashable, Sendable {
    /// The term as the screen says it ("arousal", "in step").
    public var term: String
    /// How the screen draws it (`[░░▓▓●▓░░!░]`), or empty.
    public var symbols: String
    /// What it means, in two or three plain sentences.
    public var text: String
    /// The ids of the findings it rests on, as docs/model.md §7 and
    /// `attune findings` number them ("1a", "8e").
    public var findings: [String]
    /// Who found them, as docs/model.md §7 names the sources.
    public var sources: String
}

/// The page behind `?` and then `i`: every term on the live screen and the
/// presenter explained, with the symbols of the gauge and the tracks, and
/// the findings of docs/model.md §7 each one rests on (like NetLogo's Info
/// tab). It scrolls like the debrief; any other key goes back.
public enum InfoPage {
    /// The page's title.
    public static let title = "What am I looking at?"

    /// The terms, in the order the screen shows them, drawn with `glyphs`.
    public static func entries(_ glyphs: Glyphs) -> [InfoEntry] {
        let g = glyphs
        let gauge =
            "[\(g.shadeLight)\(g.shadeLight)\(g.shadeDark)\(g.shadeDark)\(g.gaugeMarker)\(g.shadeDark)\(g.shadeLight)!\(g.shadeLight)]"
        return [
            InfoEntry(
                term: "arousal", symbols: gauge,
                text:
                    "How stirred up the baby's body is, from calm on the left to overwhelmed on the right: the marker \(g.gaugeMarker) is the baby now, the dark band \(g.shadeDark) is the comfortable range, the light track \(g.shadeLight) lies outside it, and ! marks where distress begins (a baby past it that shows distress reads \"overwhelmed\"). Arousal climbs when play gets very exciting and when the baby is strained, as in a still face. The words beside the gauge say where it stands: low, in range, too high, overwhelmed.",
                findings: ["1a", "1c", "8e"], sources: "Field 1981; Stifter & Moyer 1991; Jones-Mason et al. 2018"),
            InfoEntry(
                term: "heart rate", symbols: "\(g == .ascii ? "HR" : "♥") 152 bpm (resting 140)",
                text:
                    "The baby's heart rate in beats a minute, beside its rate at rest, so that a rise shows without colour. It rises just before the baby looks away and falls while it looks away; in a still face it rises, and afterwards it comes down only part of the way.",
                findings: ["1a", "1b", "8a", "8c"], sources: "Field 1981; Haley & Stansbury 2003; Moore & Calkins 2004"),
            InfoEntry(
                term: "the window of tolerance", symbols: "\(g.shadeDark)\(g.shadeDark) the comfortable range",
                text:
                    "The range of arousal in which the baby enjoys company and can take play in: the dark band of the gauge. Above it the baby is overstimulated and needs a break. Both too little and too much stimulation cost the baby; moderate play suits it best.",
                findings: ["2b", "2c", "11a"], sources: "Field 1981"),
            InfoEntry(
                term: "gaze",
                symbols:
                    "\(g.dotFilled) at her, \(g.dotHollow) away, \(g == .ascii ? "." : "·") far away; between the faces - - \(g.arrowRight) at her, \(g.arrowLeft) away, \(g.arrowLeft)\(g.arrowLeft) far away",
                text:
                    "Where the baby looks: at her, away, or turned far away. Looking away is how a young baby calms itself down, a message (\"too much, I need a moment\"), not a rejection; given time, it looks back on its own. From 3 to 6 months babies look at faces less, as the world grows more interesting.",
                findings: ["1b", "3c", "10a"], sources: "Field 1981; Tronick 1989 (the two scenes); Kaye & Fogel 1980"),
            InfoEntry(
                term: "affect",
                symbols: "++ delighted, + interested, . neutral, - dull, -- withdrawn, ! fussy, !! distressed or protesting",
                text:
                    "What the baby's face shows, as a word, a sign and a colour; the affect track groups them as + happy, . calm, - flat and ! upset. In a still face delight falls and protest rises, and when play comes back both recover only partly.",
                findings: ["4b", "4c", "4f", "4g"], sources: "Mesman et al. 2009"),
            InfoEntry(
                term: "intensity", symbols: "\(String(repeating: g.fullBlock, count: 5))\(String(repeating: g.shadeLight, count: 5)) 50%",
                text:
                    "How much energy the caregiver puts in, from none (a still face) to all she has (leaning in, clicking). Babies smile and look most at a moderate level.",
                findings: ["11a", "11b"], sources: "Field 1981"),
            InfoEntry(
                term: "in step", symbols: "\(g.horizontal) in step, ~ out of step",
                text:
                    "A moment is in step when the two fit: playing together while the baby is comfortable, waiting while it looks away, soothing when it is upset. Even attuned pairs spend much of the time out of step; what matters is finding the way back.",
                findings: ["5a", "5d"], sources: "Tronick & Cohn 1989; Tronick 1989"),
            InfoEntry(
                term: "rupture", symbols: "X a rupture began, * a rupture and its repair together",
                text:
                    "A stretch out of step that lasts longer than half a second: play that goes on while the baby is overwhelmed, leaning in while it looks away, a smile with no answer. Ruptures happen in every relationship, and when the caregiver chases they last longer.",
                findings: ["3a", "5d"], sources: "Tronick 1989"),
            InfoEntry(
                term: "repair", symbols: "+ back in step",
                text:
                    "The way back into step after a rupture; the time it took is the repair time (the figures give the median). Most mismatches are repaired within a few seconds, and frequent repair, not constant harmony, goes with healthy development.",
                findings: ["5b", "5c"], sources: "Tronick & Cohn 1989; Tronick & Gianino 1986"),
            InfoEntry(
                term: "trust", symbols: "The baby: ... trusting / wary",
                text:
                    "The baby's slowly changing expectation that its cues will be respected and its bids answered. Repaired ruptures keep it up; many sessions of being chased or left alone wear it down, and a wary baby looks and smiles less, even with a new, attuned adult.",
                findings: ["6a", "6b", "6c"], sources: "Tronick 1989; Field et al. 1988"),
        ]
    }

    /// The page as styled lines for a text `width` columns wide.
    static func lines(width: Int, pen: Pen) -> [(String, Style)] {
        var lines: [(String, Style)] = []
        func paragraph(_ text: String, style: Style = .plain, indent: Int = 0) {
            for line in TextFormatting.wrap(pen.text(text), width: max(1, width - indent)) {
                lines.append((String(repeating: " ", count: indent) + line, style))
            }
        }
        paragraph(
            "Every word and sign on the screen, in plain words, with the findings the model is built to reproduce (docs/model.md §7 lists them, and `attune findings` measures them).",
            style: .colour(.muted))
        for entry in entries(pen.glyphs) {
            lines.append(("", .plain))
            lines.append((pen.text(entry.term), Style(foreground: .accent, bold: true)))
            if !entry.symbols.isEmpty { paragraph(entry.symbols, style: Style(bold: true), indent: 2) }
            paragraph(entry.text, indent: 2)
            let ids = entry.findings.count == 1 ? "finding \(entry.findings[0])" : "findings " + entry.findings.joined(separator: ", ")
            paragraph("Rests on \(ids) (\(entry.sources)).", style: .colour(.muted), indent: 2)
        }
        return lines
    }

    /// Rows of the page visible at once in a window of `size`.
    static func bodyHeight(_ size: Size) -> Int { max(1, size.height - 2) }

    /// Columns of the page's text in a window `width` wide: at most 88, so
    /// lines stay easy to read on a wide screen.
    static func textWidth(_ width: Int) -> Int { min(88, max(1, width - 4)) }

    /// The furthest the page can scroll in a window of `size`.
    public static func maximumScroll(size: Size, ascii: Bool) -> Int {
        max(0, lines(width: textWidth(size.width), pen: Pen(ascii: ascii)).count - bodyHeight(size))
    }

    /// Draws the page, scrolled down `scroll` lines, over the whole frame:
    /// a title bar, the text, and a bar that says how to move and leave.
    static func render(scroll: Int, on frame: inout Frame, pen: Pen) {
        let area = frame.bounds
        frame.fill(area, with: Cell(" "))
        let top = area.line(0)
        frame.fill(top, with: Cell(" ", style: Style(reverse: true)))
        frame.render(TextLine(pen.text(" Attune · " + title), style: Style(bold: true, reverse: true), glyphs: pen.glyphs), in: top)
        let width = textWidth(area.width)
        let all = lines(width: width, pen: pen)
        let height = bodyHeight(area.size)
        let first = min(max(0, scroll), max(0, all.count - height))
        let left = area.column + max(2, (area.width - width) / 2)
        for (index, line) in all.dropFirst(first).prefix(height).enumerated() {
            frame.render(
                TextLine(line.0, style: line.1, glyphs: pen.glyphs),
                in: Rect(column: left, row: area.row + 1 + index, width: width, height: 1))
        }
        let more = first + height < all.count
        let hints =
            [KeyHint(key: "↑/↓", label: more || first > 0 ? "scroll" : "")].filter { !$0.label.isEmpty }
            + [KeyHint(key: "any other key", label: "back")]
        frame.render(KeyBar(hints: hints.map { pen.hint($0) }), in: area.line(area.height - 1))
    }
}
