import AttuneModel

/// The room's figures beside its grids: the phase and clock; the share of
/// babies looking, smiling, upset and in step now (with the first phase's
/// shares beside them once it is over); a histogram of the heart rates now
/// with its mean and its change since the first phase (or above rest);
/// ruptures and repairs per baby per minute over the last minute; and the
/// selected baby in words. With two caregivers, the figures stand side by
/// side, one column each.
enum RoomFiguresPanel {
    /// Draws the figures of `room` into `area`; `nows` holds the figures
    /// of each grid now (``RoomNow``), one per caregiver.
    static func render(_ room: RoomSession, nows: [RoomNow], in area: Rect, on frame: inout Frame, pen: Pen) {
        guard area.width >= 10, area.height >= 1 else { return }
        let timeline = room.timeline
        let plan = room.scenario.plan
        let single = nows.count == 1
        var top: [[(String, Style)]] = []

        let n = timeline.babyCount
        top.append([("A room of \(n) \(n == 1 ? "baby" : "babies")", Style(bold: true))])
        let phases = plan.phases
        let phaseIndex = min(timeline.now.room.phaseIndex, phases.count - 1)
        let phase = phases.count > 1 ? "\(phaseIndex + 1)/\(phases.count) \(phases[phaseIndex].name)" : phases[phaseIndex].name
        top.append([
            ("\(phase) · \(TextFormatting.clock(timeline.seconds)) / \(TextFormatting.clock(timeline.totalSeconds))", .colour(.muted))
        ])
        var shares: [[(String, Style)]] = []
        let firstName = phases[0].name
        if single {
            Self.single(nows[0], firstName: firstName, width: area.width, pen: pen, into: &shares)
        } else {
            compared(nows, labels: plan.dyads.map(\.label), firstName: firstName, width: area.width, into: &shares)
        }
        var tail: [[(String, Style)]] = []
        if single {
            let now = nows[0]
            tail.append([
                ("mean \(Int(now.meanHeartRate.rounded()))", Style(bold: true)),
                (" · \(now.heartChange(firstPhase: firstName))", .plain),
            ])
        }
        var rates: [[(String, Style)]] = []
        if single {
            let now = nows[0]
            let minute = now.rateSeconds >= RoomNow.rateWindowSeconds - 1e-9 ? "" : ", so far"
            rates.append([("per baby per minute\(minute):", .colour(.muted))])
            rates.append([
                ("ruptures \(rate(now.rupturesPerMinute))", .plain),
                ("  repairs \(rate(now.repairsPerMinute))", .plain),
            ])
        }
        let baby = room.babyLine(room.selected) + ". Enter opens it."
        let babyLines = TextFormatting.wrap(pen.text(baby), width: area.width).map { [($0, Style.colour(.muted))] }

        // The histogram's bars: as tall as the rows under its title allow,
        // up to 5 rows (2 per caregiver with two).
        let used = top.count + 1 + shares.count + 1
        let tail0 = single ? 5 : 4 + nows.count
        var barRows = max(1, min(single ? 5 : 2, (area.height - used - tail0 - 3) / max(1, nows.count)))
        // A tall panel shares its spare rows between the blank rows that
        // part its groups (at most three each, so that no band of empty
        // rows opens) and the histogram's bars, which take the rest.
        let gaps = single ? 4 : 3
        let natural =
            used + 1 + barRows * nows.count + 1 + tail.count + (rates.isEmpty ? 0 : 1 + rates.count) + 1 + babyLines.count
        let spare = max(0, area.height - natural)
        let gapRows = 1 + min(Self.maximumGapRows - 1, spare / (gaps + 2))
        barRows += (spare - (gapRows - 1) * gaps) / max(1, nows.count)

        var row = area.row
        func write(_ lines: [[(String, Style)]]) {
            for parts in lines where row < area.endRow {
                var x = area.column
                for part in parts { x = frame.write(pen.text(part.0), column: x, row: row, style: part.1, clip: area) }
                row += 1
            }
        }
        func gap() { row += gapRows }
        write(top)
        gap()
        write(shares)
        gap()
        write([[("heart rate now, bpm", .colour(.muted))]])
        let labelWidth = nows.count > 1 ? (plan.dyads.map(\.label.count).max() ?? 0) + 1 : 0
        let chartWidth = min(area.width - labelWidth, RoomNow.histogramBins * 2)
        let histogramWidth = chartWidth / RoomNow.histogramBins * RoomNow.histogramBins
        for (d, now) in nows.enumerated() where row + barRows <= area.endRow {
            let bars = Rect(column: area.column + labelWidth, row: row, width: histogramWidth, height: barRows)
            if nows.count > 1 {
                frame.write(
                    pen.text(plan.dyads[d].label), column: area.column, row: row + barRows - 1, style: .colour(.accent), clip: area)
            }
            frame.render(Histogram(counts: now.histogram, style: .colour(.accent), glyphs: pen.glyphs), in: bars)
            row += barRows
        }
        if row < area.endRow {
            axis(width: histogramWidth, column: area.column + labelWidth, row: row, on: &frame)
            row += 1
        }
        write(tail)
        if !rates.isEmpty {
            gap()
            write(rates)
        }
        gap()
        write(babyLines)
    }

    /// The most blank rows between two groups of the figures.
    static let maximumGapRows = 3

    /// A rate per baby per minute, to one decimal, or "-".
    static func rate(_ value: Double?) -> String {
        value.map { TextFormatting.fixed($0, 1) } ?? "-"
    }

    /// The shares of one caregiver's babies, as bars.
    static func single(_ now: RoomNow, firstName: String, width: Int, pen: Pen, into lines: inout [[(String, Style)]]) {
        let n = Double(max(1, now.babies))
        let first = now.firstPhaseShares
        let rows: [(String, Int, SemanticColour, Double?)] = [
            ("looking", now.looking, .calm, first?.looking),
            ("smiling", now.smiling, .warm, first?.smiling),
            ("upset", now.upset, .distress, first?.upset),
            ("in step", now.inStep, .calm, nil),
        ]
        let reference = first == nil ? 0 : firstName.count + 6
        let barWidth = max(5, min(20, width - 8 - 6 - reference))
        for (name, count, colour, then) in rows {
            let share = Double(count) / n
            let filled = Int((share * Double(barWidth)).rounded())
            var bar = ""
            for index in 0..<barWidth { bar.append(index < filled ? pen.glyphs.fullBlock : pen.glyphs.shadeLight) }
            var parts: [(String, Style)] = [
                (name.padding(toLength: 8), .colour(.muted)), (bar, .colour(colour)),
                (TextFormatting.percent(share * 100).leftPadded(to: 5), Style(bold: true)),
            ]
            if let then { parts.append(("  \(firstName) \(TextFormatting.percent(then))", .colour(.muted))) }
            lines.append(parts)
        }
    }

    /// The figures of two or more caregivers' babies, side by side.
    static func compared(_ nows: [RoomNow], labels: [String], firstName: String, width: Int, into lines: inout [[(String, Style)]]) {
        let nameWidth = 13
        let columnWidth = max(7, min(10, (width - nameWidth) / max(1, nows.count)))
        func cell(_ text: String) -> String { String(text.prefix(columnWidth - 1)).leftPadded(to: columnWidth) }
        var header = "".padding(toLength: nameWidth)
        for label in labels { header += cell(label) }
        lines.append([(header, Style(foreground: .accent, bold: true))])
        func row(_ name: String, _ values: [String], bold: Bool = true) {
            var text = name.padding(toLength: nameWidth)
            for value in values { text += cell(value) }
            lines.append([(String(text.prefix(nameWidth)), .colour(.muted)), (String(text.dropFirst(nameWidth)), Style(bold: bold))])
        }
        func share(_ count: Int, _ now: RoomNow) -> String { TextFormatting.percent(100 * Double(count) / Double(max(1, now.babies))) }
        row("looking", nows.map { share($0.looking, $0) })
        row("smiling", nows.map { share($0.smiling, $0) })
        row("upset", nows.map { share($0.upset, $0) })
        row("in step", nows.map { share($0.inStep, $0) })
        row("heart rate", nows.map { String(Int($0.meanHeartRate.rounded())) })
        if nows[0].firstPhaseHeartRate != nil {
            row(" since \(firstName)", nows.map { RoomNow.signed($0.meanHeartRate - ($0.firstPhaseHeartRate ?? 0)) }, bold: false)
        } else {
            row(" above rest", nows.map { RoomNow.signed($0.meanHeartRate - $0.restingHeartRate) }, bold: false)
        }
        row("ruptures/min", nows.map { rate($0.rupturesPerMinute) })
        row("repairs/min", nows.map { rate($0.repairsPerMinute) })
    }

    /// The histogram's axis: the heart rates 120, 140, 160 and 180 bpm
    /// under their bins.
    static func axis(width: Int, column: Int, row: Int, on frame: inout Frame) {
        let perBin = max(1, width / RoomNow.histogramBins)
        var text = Array(repeating: Character(" "), count: width)
        var bin = 1
        while bin < RoomNow.histogramBins {
            let value = Int(RoomNow.histogramLow + Double(bin) * RoomNow.histogramBin)
            let label = Array(String(value))
            let start = bin * perBin
            if start + label.count <= width {
                for (offset, character) in label.enumerated() { text[start + offset] = character }
            }
            bin += 4
        }
        frame.write(String(text), column: column, row: row, style: .colour(.muted))
    }
}
