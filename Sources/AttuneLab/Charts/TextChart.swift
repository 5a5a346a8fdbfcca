/// Draws a ``ChartData`` as plain ASCII text for a terminal: a y axis with
/// labelled ticks, an x axis with labelled ticks, each series' means as its
/// own symbol (`o`, `x`, `+`, `*`, `#`, `@`, `%`, `&`), each 95% interval as
/// a `|` whisker through its mean (on the rows whose value the interval
/// covers), a `:` line for each marker, the axis
/// names and a legend. Symbols, not colours, tell the series apart, so the
/// chart reads the same on any terminal, in any colour scheme, and pasted
/// into a text file.
public enum TextChart {
    /// The series' symbols, in order.
    public static let symbols: [Character] = ["o", "x", "+", "*", "#", "@", "%", "&"]

    /// The chart as lines of text, each ending in `\n`.
    /// - Parameters:
    ///   - chart: what to draw.
    ///   - width: columns of the plotting area, 20...200, default 60.
    ///   - height: rows of the plotting area, 5...60, default 15.
    public static func render(_ chart: ChartData, width: Int = 60, height: Int = 15) -> String {
        let width = min(200, max(20, width))
        let height = min(60, max(5, height))
        let (yRange, yStep) = chart.yAxis()
        let yPlaces = ChartData.places(forStep: yStep)
        let xRange = chart.xRange

        // Where x values go: leave room at both ends for the dodged symbols.
        let seriesCount = chart.series.count
        let margin = max(1, seriesCount / 2 + 1)
        func column(_ x: Double) -> Int {
            let span = xRange.upperBound - xRange.lowerBound
            guard span > 0 else { return width / 2 }
            return margin + Int(((x - xRange.lowerBound) / span * Double(width - 1 - 2 * margin)).rounded())
        }
        func row(_ y: Double) -> Int {
            let span = yRange.upperBound - yRange.lowerBound
            let clamped = min(yRange.upperBound, max(yRange.lowerBound, y))
            return Int(((yRange.upperBound - clamped) / span * Double(height - 1)).rounded())
        }
        func value(ofRow r: Int) -> Double {
            yRange.upperBound - Double(r) / Double(height - 1) * (yRange.upperBound - yRange.lowerBound)
        }
        // Series side by side at each x when there is room between x columns.
        let columns = Set(chart.series.flatMap { $0.points.map { column($0.x) } }).sorted()
        let gap = zip(columns, columns.dropFirst()).map { $1 - $0 }.min() ?? width
        let dodge = seriesCount > 1 && gap > seriesCount
        func offset(_ s: Int) -> Int { dodge ? s - seriesCount / 2 : 0 }

        var grid = [[Character]](repeating: [Character](repeating: " ", count: width), count: height)
        for marker in chart.markers {
            let c = column(marker.x)
            for r in 0..<height where grid[r][c] == " " { grid[r][c] = ":" }
        }
        var hiddenIntervals = 0
        for (s, series) in chart.series.enumerated() {
            for p in series.points {
                guard let lower = p.lower, let upper = p.upper else { continue }
                let c = min(width - 1, max(0, column(p.x) + offset(s)))
                // A row shows the whisker when the interval covers the
                // value the row stands for.
                var drawn = 0
                for r in row(upper)...row(lower) where value(ofRow: r) >= lower - 1e-12 && value(ofRow: r) <= upper + 1e-12 {
                    grid[r][c] = "|"
                    if r != row(p.mean) { drawn += 1 }
                }
                if drawn == 0 && upper > lower { hiddenIntervals += 1 }
            }
        }
        for (s, series) in chart.series.enumerated() {
            let symbol = symbols[s % symbols.count]
            for p in series.points {
                let c = min(width - 1, max(0, column(p.x) + offset(s)))
                grid[row(p.mean)][c] = symbol
            }
        }

        // Y tick labels, on the rows nearest each tick.
        var tickRows = [Int: String]()
        var tick = yRange.lowerBound
        while tick <= yRange.upperBound + yStep * 1e-6 {
            tickRows[row(tick)] = Field.fixed(tick, places: yPlaces)
            tick += yStep
        }
        let labelWidth = tickRows.values.map(\.count).max() ?? 1
        var out = chart.title + "\n"
        if !chart.subtitle.isEmpty { out += chart.subtitle + "\n" }
        out += "\n" + String(repeating: " ", count: labelWidth + 1) + chart.yLabel + "\n"
        for r in 0..<height {
            let label = tickRows[r] ?? ""
            let line = String(repeating: " ", count: labelWidth - label.count) + label + (tickRows[r] == nil ? " |" : " +")
            out += trimmed(line + String(grid[r])) + "\n"
        }
        // The x axis, its ticks and their labels (dropping those that would
        // run into the one before).
        var axis = [Character](repeating: "-", count: width)
        var labels = [Character](repeating: " ", count: width + 12)
        var nextFree = 0
        for t in chart.xTicks {
            let c = column(t.x)
            axis[c] = "+"
            let start = max(0, c - (t.label.count - 1) / 2)
            guard start >= nextFree, start + t.label.count <= labels.count else { continue }
            for (i, ch) in t.label.enumerated() { labels[start + i] = ch }
            nextFree = start + t.label.count + 1
        }
        let pad = String(repeating: " ", count: labelWidth + 1)
        out += pad + "+" + String(axis) + "\n"
        out += trimmed(pad + " " + String(labels)) + "\n"
        let xName = chart.xLabel
        out += pad + " " + String(repeating: " ", count: max(0, (width - xName.count) / 2)) + xName + "\n"
        // Legend.
        out += "\n"
        var legend = [String]()
        for (s, series) in chart.series.enumerated() {
            legend.append("\(symbols[s % symbols.count]) \(series.name)")
        }
        if chart.series.contains(where: { $0.points.contains { $0.lower != nil } }) {
            legend.append("| 95% interval")
        }
        out += wrap(legend, width: labelWidth + 2 + width)
        for marker in chart.markers {
            out += ": \(marker.label)\n"
        }
        if hiddenIntervals > 0 {
            out += "Intervals narrower than one row are hidden behind their symbols; the table and --svg show them.\n"
        }
        if !dodge && seriesCount > 1 {
            out += "Where two series meet at one place, the one listed later is drawn on top.\n"
        }
        return out
    }

    private static func trimmed(_ s: String) -> String {
        var s = Substring(s)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }

    /// Legend items on as few lines as fit, three spaces apart.
    private static func wrap(_ items: [String], width: Int) -> String {
        var out = ""
        var line = ""
        for item in items {
            if !line.isEmpty && line.count + 3 + item.count > width {
                out += line + "\n"
                line = ""
            }
            line += (line.isEmpty ? "" : "   ") + item
        }
        if !line.isEmpty { out += line + "\n" }
        return out
    }
}
