import AttuneSVG
import Foundation

/// Draws a ``ChartData`` as a standalone SVG picture, for slides and
/// reports: a title (also as the picture's `<title>` for screen readers),
/// labelled axes with grid lines, each series as its means (joined by a
/// line unless the x axis holds categories) with a
/// whisker (with caps) for each 95% interval, and a legend.
///
/// Meaning never rests on colour alone: each series has its own marker
/// shape (circle, square, triangle, diamond, cross, plus, upside-down
/// triangle, star) and its own dash pattern as well as its own colour from
/// a palette that colour-blind readers can tell apart (Okabe & Ito).
public enum SVGChart {
    /// Series colours (Okabe–Ito, see ``SVGWriter/Colour``).
    static let colours = [
        SVGWriter.Colour.blue, SVGWriter.Colour.vermillion, SVGWriter.Colour.green, SVGWriter.Colour.purple,
        SVGWriter.Colour.orange, SVGWriter.Colour.skyBlue, SVGWriter.Colour.black, SVGWriter.Colour.brown,
    ]
    /// Series dash patterns (`""` is a solid line).
    static let dashes = ["", "8 4", "2 3", "10 3 2 3", "14 5", "4 4", "1 3", "10 2 2 2 2 2"]
    /// Series marker shapes, named in ``SVGChart`` order.
    public static let markerNames = ["circle", "square", "triangle", "diamond", "cross", "plus", "down-triangle", "star"]

    /// The picture as SVG text (UTF-8, one `<svg>` element).
    /// - Parameters:
    ///   - chart: what to draw.
    ///   - width: the picture's width in pixels, 400...4000, default 760.
    ///   - height: the plotting area's height in pixels, 150...3000, default 300.
    public static func render(_ chart: ChartData, width: Double = 760, plotHeight: Double = 300) -> String {
        let width = min(4000, max(400, width))
        let plotHeight = min(3000, max(150, plotHeight))
        let left = 86.0
        let right = width - 28
        let top = chart.subtitle.isEmpty ? 58.0 : 76.0
        let bottom = top + plotHeight
        let legendTop = bottom + 66
        let perRow = max(1, Int((right - left) / 230))
        let legendRows = (chart.series.count + (hasIntervals(chart) ? 1 : 0) + perRow - 1) / perRow
        let markerLines = chart.markers.count
        let height = legendTop + Double(legendRows) * 22 + Double(markerLines) * 18 + 14

        let (yRange, yStep) = chart.yAxis()
        let yPlaces = ChartData.places(forStep: yStep)
        let xRange = chart.xRange
        let inset = 24.0
        func px(_ x: Double) -> Double {
            let span = xRange.upperBound - xRange.lowerBound
            guard span > 0 else { return (left + right) / 2 }
            return left + inset + (x - xRange.lowerBound) / span * (right - left - 2 * inset)
        }
        func py(_ y: Double) -> Double {
            let clamped = min(yRange.upperBound, max(yRange.lowerBound, y))
            return bottom - (clamped - yRange.lowerBound) / (yRange.upperBound - yRange.lowerBound) * plotHeight
        }
        let xs = Set(chart.series.flatMap { $0.points.map { px($0.x) } }).sorted()
        let gap = zip(xs, xs.dropFirst()).map { $1 - $0 }.min() ?? (right - left)
        let dodgeStep = chart.series.count > 1 ? min(6, gap / Double(chart.series.count + 1)) : 0
        // Smaller markers where points crowd together.
        let markerRadius = max(2.5, min(5, gap * 0.3))
        func dodge(_ s: Int) -> Double { (Double(s) - Double(chart.series.count - 1) / 2) * dodgeStep }

        var svg = """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" width="\(n(width))" height="\(n(height))" viewBox="0 0 \(n(width)) \(n(height))" role="img" aria-labelledby="chart-title chart-desc" font-family="Helvetica, Arial, sans-serif">
            <title id="chart-title">\(escaped(chart.title))</title>
            <desc id="chart-desc">\(escaped(description(chart)))</desc>
            <rect x="0" y="0" width="\(n(width))" height="\(n(height))" fill="#ffffff"/>
            <text x="\(n(width / 2))" y="28" text-anchor="middle" font-size="18" font-weight="bold">\(escaped(chart.title))</text>

            """
        if !chart.subtitle.isEmpty {
            svg +=
                "<text x=\"\(n(width / 2))\" y=\"50\" text-anchor=\"middle\" font-size=\"13\" fill=\"#333333\">\(escaped(chart.subtitle))</text>\n"
        }
        // Grid lines and y ticks.
        svg += "<g class=\"y-axis\" font-size=\"12\" fill=\"#333333\">\n"
        var tick = yRange.lowerBound
        while tick <= yRange.upperBound + yStep * 1e-6 {
            let y = py(tick)
            svg += "<line x1=\"\(n(left))\" y1=\"\(n(y))\" x2=\"\(n(right))\" y2=\"\(n(y))\" stroke=\"#dddddd\" stroke-width=\"1\"/>\n"
            svg += "<text x=\"\(n(left - 8))\" y=\"\(n(y + 4))\" text-anchor=\"end\">\(Field.fixed(tick, places: yPlaces))</text>\n"
            tick += yStep
        }
        svg += "</g>\n"
        // X ticks.
        svg += "<g class=\"x-axis\" font-size=\"12\" fill=\"#333333\">\n"
        var lastEnd = -Double.infinity
        for t in chart.xTicks {
            let x = px(t.x)
            svg +=
                "<line x1=\"\(n(x))\" y1=\"\(n(bottom))\" x2=\"\(n(x))\" y2=\"\(n(bottom + 6))\" stroke=\"#333333\" stroke-width=\"1\"/>\n"
            let half = Double(t.label.count) * 3.4
            if x - half > lastEnd + 4 {
                svg += "<text x=\"\(n(x))\" y=\"\(n(bottom + 22))\" text-anchor=\"middle\">\(escaped(t.label))</text>\n"
                lastEnd = x + half
            }
        }
        svg += "</g>\n"
        // Axes and their names.
        svg += "<line x1=\"\(n(left))\" y1=\"\(n(top))\" x2=\"\(n(left))\" y2=\"\(n(bottom))\" stroke=\"#333333\" stroke-width=\"1.5\"/>\n"
        svg +=
            "<line x1=\"\(n(left))\" y1=\"\(n(bottom))\" x2=\"\(n(right))\" y2=\"\(n(bottom))\" stroke=\"#333333\" stroke-width=\"1.5\"/>\n"
        svg +=
            "<text class=\"x-label\" x=\"\(n((left + right) / 2))\" y=\"\(n(bottom + 44))\" text-anchor=\"middle\" font-size=\"14\">\(escaped(chart.xLabel))</text>\n"
        let yMid = (top + bottom) / 2
        svg +=
            "<text class=\"y-label\" x=\"20\" y=\"\(n(yMid))\" text-anchor=\"middle\" font-size=\"14\" transform=\"rotate(-90 20 \(n(yMid)))\">\(escaped(chart.yLabel))</text>\n"
        // Markers (switch days).
        for (i, marker) in chart.markers.enumerated() {
            let x = px(marker.x)
            svg +=
                "<g class=\"marker\"><line x1=\"\(n(x))\" y1=\"\(n(top))\" x2=\"\(n(x))\" y2=\"\(n(bottom))\" stroke=\"#555555\" stroke-width=\"1.5\" stroke-dasharray=\"3 5\"/>"
            svg +=
                "<text x=\"\(n(x + 4))\" y=\"\(n(top + 14 + Double(i) * 14))\" font-size=\"12\" fill=\"#333333\">\(escaped(String(i + 1)))</text></g>\n"
        }
        // Series.
        for (s, series) in chart.series.enumerated() {
            let colour = colours[s % colours.count]
            let dash = dashes[s % dashes.count]
            svg += "<g class=\"series\" data-series=\"\(escaped(series.name))\" data-marker=\"\(markerNames[s % markerNames.count])\">\n"
            let sorted = series.points.sorted { $0.x < $1.x }
            if chart.connectsPoints && sorted.count > 1 {
                let points = sorted.map { "\(n(px($0.x) + dodge(s))),\(n(py($0.mean)))" }.joined(separator: " ")
                svg +=
                    "<polyline points=\"\(points)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\"\(dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"")/>\n"
            }
            for p in sorted {
                let x = px(p.x) + dodge(s)
                if let lower = p.lower, let upper = p.upper {
                    let (y1, y2) = (py(upper), py(lower))
                    svg +=
                        "<path class=\"interval\" d=\"M\(n(x)) \(n(y1)) V\(n(y2)) M\(n(x - 4)) \(n(y1)) H\(n(x + 4)) M\(n(x - 4)) \(n(y2)) H\(n(x + 4))\" stroke=\"\(colour)\" stroke-width=\"1.5\" fill=\"none\"/>\n"
                }
                svg += marker(s, x: x, y: py(p.mean), colour: colour, radius: markerRadius) + "\n"
            }
            svg += "</g>\n"
        }
        // Legend: marker, line sample and name for each series.
        svg += "<g class=\"legend\" font-size=\"13\">\n"
        var items = chart.series.enumerated().map { (s, series) in (s, series.name) }
        if hasIntervals(chart) { items.append((-1, "95% interval of the mean")) }
        for (i, item) in items.enumerated() {
            let x = left + Double(i % perRow) * 230
            let y = legendTop + Double(i / perRow) * 22
            if item.0 >= 0 {
                let s = item.0
                let colour = colours[s % colours.count]
                let dash = dashes[s % dashes.count]
                svg +=
                    "<line x1=\"\(n(x))\" y1=\"\(n(y))\" x2=\"\(n(x + 34))\" y2=\"\(n(y))\" stroke=\"\(colour)\" stroke-width=\"2\"\(dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"")/>"
                svg += marker(s, x: x + 17, y: y, colour: colour)
            } else {
                svg +=
                    "<path d=\"M\(n(x + 17)) \(n(y - 8)) V\(n(y + 8)) M\(n(x + 13)) \(n(y - 8)) H\(n(x + 21)) M\(n(x + 13)) \(n(y + 8)) H\(n(x + 21))\" stroke=\"#333333\" stroke-width=\"1.5\" fill=\"none\"/>"
            }
            svg += "<text x=\"\(n(x + 42))\" y=\"\(n(y + 4))\">\(escaped(item.1))</text>\n"
        }
        for (i, marker) in chart.markers.enumerated() {
            let y = legendTop + Double(legendRows) * 22 + Double(i) * 18
            svg += "<text x=\"\(n(left))\" y=\"\(n(y + 4))\" fill=\"#333333\">\(escaped("\(i + 1): \(marker.label)"))</text>\n"
        }
        svg += "</g>\n</svg>\n"
        return svg
    }

    private static func hasIntervals(_ chart: ChartData) -> Bool {
        chart.series.contains { $0.points.contains { $0.lower != nil && $0.upper != nil } }
    }

    /// A plain-words summary of the chart for screen readers.
    private static func description(_ chart: ChartData) -> String {
        let names = chart.series.map(\.name).joined(separator: "; ")
        return "\(chart.yLabel) against \(chart.xLabel). Series: \(names). \(chart.subtitle)"
    }

    /// Series `s`'s marker shape at (`x`, `y`).
    private static func marker(_ s: Int, x: Double, y: Double, colour: String, radius r: Double = 5) -> String {
        let style = "fill=\"\(colour)\" stroke=\"\(colour)\" stroke-width=\"1.5\""
        let hollow = "fill=\"#ffffff\" stroke=\"\(colour)\" stroke-width=\"2\""
        switch s % markerNames.count {
        case 0: return "<circle cx=\"\(n(x))\" cy=\"\(n(y))\" r=\"\(n(r))\" \(style)/>"
        case 1: return "<rect x=\"\(n(x - r))\" y=\"\(n(y - r))\" width=\"\(n(2 * r))\" height=\"\(n(2 * r))\" \(style)/>"
        case 2: return "<polygon points=\"\(n(x)),\(n(y - r - 1)) \(n(x + r + 1)),\(n(y + r)) \(n(x - r - 1)),\(n(y + r))\" \(style)/>"
        case 3:
            return
                "<polygon points=\"\(n(x)),\(n(y - r - 1)) \(n(x + r + 1)),\(n(y)) \(n(x)),\(n(y + r + 1)) \(n(x - r - 1)),\(n(y))\" \(hollow)/>"
        case 4:
            return
                "<path d=\"M\(n(x - r)) \(n(y - r)) L\(n(x + r)) \(n(y + r)) M\(n(x - r)) \(n(y + r)) L\(n(x + r)) \(n(y - r))\" stroke=\"\(colour)\" stroke-width=\"2.5\" fill=\"none\"/>"
        case 5:
            return
                "<path d=\"M\(n(x - r - 1)) \(n(y)) H\(n(x + r + 1)) M\(n(x)) \(n(y - r - 1)) V\(n(y + r + 1))\" stroke=\"\(colour)\" stroke-width=\"2.5\" fill=\"none\"/>"
        case 6: return "<polygon points=\"\(n(x)),\(n(y + r + 1)) \(n(x + r + 1)),\(n(y - r)) \(n(x - r - 1)),\(n(y - r))\" \(hollow)/>"
        default:
            var points = [String]()
            for k in 0..<10 {
                let angle = Double(k) * Double.pi / 5 - Double.pi / 2
                let radius = k % 2 == 0 ? r + 2 : r * 0.45
                points.append("\(n(x + radius * cos(angle))),\(n(y + radius * sin(angle)))")
            }
            return "<polygon points=\"\(points.joined(separator: " "))\" \(style)/>"
        }
    }

    /// A coordinate with at most two decimals.
    private static func n(_ x: Double) -> String {
        SVGWriter.number(x, places: 2)
    }

    /// `text` safe inside XML text or a quoted attribute (``SVGWriter/escaped(_:)``).
    static func escaped(_ text: String) -> String { SVGWriter.escaped(text) }
}
