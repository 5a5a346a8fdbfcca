import AttuneModel
import AttuneSVG
import AttuneScenario

/// A run as a picture for a slide: for each dyad, the infant's arousal over
/// time with the window of tolerance shaded and the distress level marked,
/// rupture and repair marks, and tracks of the infant's gaze, its affect
/// and the caregiver's actions; then the figures table. One standalone SVG
/// (``svg(_:)``), or an HTML page holding the SVG and the figures as a
/// table (``html(_:)``).
///
/// It follows the conventions of the lab's charts: titled, every part
/// labelled in words, the colour-blind-safe Okabe–Ito colours, and meaning
/// never carried by colour alone: each category of a track also has its
/// own fill pattern and its own letter, ruptures and repairs have their own
/// marker shapes and words, and the window of tolerance is hatched.
public struct RunPicture: Sendable {
    /// One stretch of a track with one category.
    struct Segment: Hashable {
        var start: Int
        var end: Int
        var category: Int
    }

    /// A category of a track: its name, a letter, a colour and a pattern.
    struct Category {
        var name: String
        var letter: String
        var colour: String
        var pattern: String
    }

    /// The scenario's title.
    let title: String
    /// The line under the title.
    let subtitle: String
    /// The run's figures (and dyad labels and policies).
    let report: DebriefReport
    /// Per dyad: arousal per step, window, distress level, tracks, marks.
    let dyads: [DyadSeries]
    /// Seconds per step.
    let stepSeconds: Double
    /// Steps shown.
    let steps: Int

    struct DyadSeries {
        var label: String
        var arousal: [Float]
        var windowLow: Double
        var windowHigh: Double
        var distressLevel: Double
        var gaze: [Segment]
        var affect: [Segment]
        var actions: [Segment]
        var ruptures: [Int]
        var repairs: [Int]
    }

    /// The gaze categories: at her, away, far away, and looking around the
    /// room (away, but out of curiosity rather than to calm down).
    static let gazeCategories = [
        Category(name: "looks at her", letter: "A", colour: SVGWriter.Colour.green, pattern: "solid"),
        Category(name: "looks away", letter: "w", colour: SVGWriter.Colour.orange, pattern: "hatch"),
        Category(name: "turned far away", letter: "F", colour: SVGWriter.Colour.vermillion, pattern: "cross"),
        Category(name: "looks around the room", letter: "r", colour: SVGWriter.Colour.skyBlue, pattern: "dots"),
    ]
    /// The affect categories: happy, calm, flat, upset. Only delight is
    /// happy (positive affect, as still-face studies code it); interest is
    /// attentive, and counted with the calm.
    static let affectCategories = [
        Category(name: "happy (delighted)", letter: "+", colour: SVGWriter.Colour.green, pattern: "solid"),
        Category(name: "calm (interested, neutral)", letter: ".", colour: SVGWriter.Colour.skyBlue, pattern: "dots"),
        Category(name: "flat (dull, withdrawn)", letter: "-", colour: SVGWriter.Colour.grey, pattern: "hatch"),
        Category(name: "upset (fussy, distressed, protesting)", letter: "!", colour: SVGWriter.Colour.vermillion, pattern: "cross"),
    ]
    /// The caregiver's actions, in ``CaregiverAction`` order.
    static let actionCategories = [
        Category(name: "plays", letter: "P", colour: SVGWriter.Colour.blue, pattern: "solid"),
        Category(name: "greets", letter: "G", colour: SVGWriter.Colour.green, pattern: "dots"),
        Category(name: "waits", letter: "W", colour: SVGWriter.Colour.yellow, pattern: "none"),
        Category(name: "soothes", letter: "S", colour: SVGWriter.Colour.skyBlue, pattern: "vertical"),
        Category(name: "leans in", letter: "L", colour: SVGWriter.Colour.vermillion, pattern: "cross"),
        Category(name: "still face", letter: "F", colour: SVGWriter.Colour.grey, pattern: "hatch"),
        Category(name: "looks elsewhere", letter: "E", colour: SVGWriter.Colour.purple, pattern: "horizontal"),
    ]

    static func gazeCategory(_ gaze: Gaze, behavior: Behavior) -> Int {
        switch gaze {
        case .atCaregiver: 0
        case .away: behavior == .exploring ? 3 : 1
        case .farAway: 2
        }
    }

    static func affectCategory(_ affect: Affect) -> Int {
        switch affect {
        case .delighted: 0
        case .interested, .neutral: 1
        case .dull, .withdrawn: 2
        case .fussy, .distressed, .protesting: 3
        }
    }

    /// The picture of `timeline` up to its current step.
    /// - Parameters:
    ///   - timeline: the run.
    ///   - branches: the paths tried through the decisions (for the
    ///     figures), default none.
    public init(timeline: Timeline, branches: [DecisionBranch] = []) {
        report = DebriefReport(timeline: timeline, branches: branches)
        title = timeline.scenario.title
        steps = min(timeline.cursor, timeline.recordedSteps)
        stepSeconds = timeline.stepSeconds
        subtitle =
            "\(timeline.scenario.plan.dyads.count == 1 ? "One run" : "One run, side by side"), "
            + "\(TextFormatting.clock(Double(steps) * timeline.stepSeconds)) of \(TextFormatting.clock(timeline.totalSeconds)), seed \(timeline.seed)"
        var series: [DyadSeries] = []
        for d in 0..<timeline.dyadCount {
            let traits = timeline.now.simulation.dyads[d].traits
            var arousal: [Float] = []
            arousal.reserveCapacity(steps)
            var ruptures: [Int] = []
            var repairs: [Int] = []
            var gaze: [Int] = [], affect: [Int] = [], actions: [Int] = []
            for j in 0..<steps {
                let s = timeline.sample(step: j, dyad: d)
                arousal.append(s.arousal)
                gaze.append(Self.gazeCategory(s.gaze, behavior: s.behavior))
                affect.append(Self.affectCategory(s.affect))
                actions.append(Int(s.action.rawValue))
                if s.events.contains(.rupture) { ruptures.append(j) }
                if s.events.contains(.repair) { repairs.append(j) }
            }
            series.append(
                DyadSeries(
                    label: "\(timeline.scenario.plan.dyads[d].label) · \(report.dyads[d].policy)", arousal: arousal,
                    windowLow: traits.windowLow, windowHigh: traits.windowHigh, distressLevel: traits.distressLevel,
                    gaze: Self.segments(gaze), affect: Self.segments(affect), actions: Self.segments(actions),
                    ruptures: ruptures, repairs: repairs))
        }
        dyads = series
    }

    /// Runs of equal values as segments (end exclusive).
    static func segments(_ values: [Int]) -> [Segment] {
        var out: [Segment] = []
        for (index, value) in values.enumerated() {
            if var last = out.last, last.category == value, last.end == index {
                last.end = index + 1
                out[out.count - 1] = last
            } else {
                out.append(Segment(start: index, end: index + 1, category: value))
            }
        }
        return out
    }

    // MARK: - Layout

    static let width = 1280.0
    static let left = 190.0
    static let right = 1240.0
    static let plotHeight = 230.0
    static let trackHeight = 30.0
    static let panelHeight = 40 + plotHeight + 34 + 3 * (trackHeight + 10) + 30

    /// The picture as one standalone SVG document.
    public func svg() -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svgElement()
    }

    /// The `<svg>` element alone (for embedding in HTML).
    func svgElement() -> String {
        let legendTop = 110 + Double(dyads.count) * Self.panelHeight
        let figureRows = report.figureRows
        let height = legendTop + 150 + 40 + Double(figureRows.count + 1) * 26 + 20
        var out = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(n(Self.width))" height="\(n(height))" viewBox="0 0 \(n(Self.width)) \(n(height))" font-family="Helvetica, Arial, sans-serif" role="img" aria-labelledby="picture-title picture-description">
            <title id="picture-title">\(escaped(title))</title>
            <desc id="picture-description">\(escaped(description))</desc>
            \(patterns)
            <rect x="0" y="0" width="\(n(Self.width))" height="\(n(height))" fill="#ffffff"/>
            <text x="40" y="50" font-size="34" font-weight="bold" fill="#000000">\(escaped(title))</text>
            <text x="40" y="84" font-size="20" fill="#333333">\(escaped(subtitle))</text>

            """
        for (d, series) in dyads.enumerated() {
            out += panel(series, index: d, top: 110 + Double(d) * Self.panelHeight)
        }
        out += legend(top: legendTop)
        out += figures(top: legendTop + 190)
        out += "</svg>\n"
        return out
    }

    var description: String {
        "For each caregiver: the baby's arousal over time with the window of tolerance shaded, ruptures marked with crosses and repairs with circles; "
            + "tracks of where the baby looks, what it shows, and what the caregiver does; then the run's figures."
    }

    /// The fill patterns, each a colour with its own texture.
    var patterns: String {
        var defs = "<defs>\n"
        defs +=
            "<pattern id=\"window-hatch\" patternUnits=\"userSpaceOnUse\" width=\"10\" height=\"10\" patternTransform=\"rotate(45)\"><rect width=\"10\" height=\"10\" fill=\"#d9f0e3\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"10\" stroke=\"#7fbf9f\" stroke-width=\"2\"/></pattern>\n"
        for (prefix, categories) in [("gaze", Self.gazeCategories), ("affect", Self.affectCategories), ("action", Self.actionCategories)] {
            for (index, category) in categories.enumerated() {
                defs += pattern(id: "\(prefix)-\(index)", category: category) + "\n"
            }
        }
        return defs + "</defs>"
    }

    func pattern(id: String, category: Category) -> String {
        let base =
            "<pattern id=\"\(id)\" patternUnits=\"userSpaceOnUse\" width=\"8\" height=\"8\"><rect width=\"8\" height=\"8\" fill=\"\(category.colour)\"/>"
        let ink = "#000000"
        let texture: String
        switch category.pattern {
        case "hatch": texture = "<path d=\"M0,8 L8,0\" stroke=\"\(ink)\" stroke-width=\"1.2\"/>"
        case "cross": texture = "<path d=\"M0,8 L8,0 M0,0 L8,8\" stroke=\"\(ink)\" stroke-width=\"1.2\"/>"
        case "dots": texture = "<circle cx=\"4\" cy=\"4\" r=\"1.5\" fill=\"\(ink)\"/>"
        case "vertical": texture = "<path d=\"M4,0 L4,8\" stroke=\"\(ink)\" stroke-width=\"1.2\"/>"
        case "horizontal": texture = "<path d=\"M0,4 L8,4\" stroke=\"\(ink)\" stroke-width=\"1.2\"/>"
        case "none": texture = "<rect width=\"8\" height=\"8\" fill=\"none\" stroke=\"\(ink)\" stroke-width=\"0.4\"/>"
        default: texture = ""
        }
        return base + texture + "</pattern>"
    }

    func x(_ step: Int) -> Double {
        let span = max(1, steps)
        return Self.left + Double(step) / Double(span) * (Self.right - Self.left)
    }

    func panel(_ series: DyadSeries, index d: Int, top: Double) -> String {
        var out = "<g id=\"dyad-\(d)\">\n"
        out +=
            "<text x=\"40\" y=\"\(n(top + 26))\" font-size=\"24\" font-weight=\"bold\" fill=\"#000000\">\(escaped(series.label))</text>\n"
        let plotTop = top + 40
        let bottom = plotTop + Self.plotHeight
        func y(_ value: Double) -> Double { bottom - min(1, max(0, value)) * Self.plotHeight }
        // Window of tolerance, hatched, with its name.
        out +=
            "<rect id=\"window-\(d)\" x=\"\(n(Self.left))\" y=\"\(n(y(series.windowHigh)))\" width=\"\(n(Self.right - Self.left))\" height=\"\(n(y(series.windowLow) - y(series.windowHigh)))\" fill=\"url(#window-hatch)\" stroke=\"#3f8f6f\" stroke-width=\"1\"><title>window of tolerance: arousal \(TextFormatting.fixed(series.windowLow, 2)) to \(TextFormatting.fixed(series.windowHigh, 2))</title></rect>\n"
        out +=
            "<text x=\"\(n(Self.right - 6))\" y=\"\(n(y(series.windowHigh) + 20))\" font-size=\"16\" text-anchor=\"end\" fill=\"#1f5f3f\" stroke=\"#ffffff\" stroke-width=\"4\" paint-order=\"stroke\">window of tolerance (comfortable range)</text>\n"
        // Distress level, dashed.
        out +=
            "<line id=\"distress-\(d)\" x1=\"\(n(Self.left))\" y1=\"\(n(y(series.distressLevel)))\" x2=\"\(n(Self.right))\" y2=\"\(n(y(series.distressLevel)))\" stroke=\"#D55E00\" stroke-width=\"2\" stroke-dasharray=\"10 6\"/>\n"
        out +=
            "<text x=\"\(n(Self.right - 6))\" y=\"\(n(y(series.distressLevel) - 6))\" font-size=\"16\" text-anchor=\"end\" fill=\"#8a3a00\">distress level</text>\n"
        // Axes.
        out +=
            "<line x1=\"\(n(Self.left))\" y1=\"\(n(plotTop))\" x2=\"\(n(Self.left))\" y2=\"\(n(bottom))\" stroke=\"#000000\" stroke-width=\"1.5\"/>\n"
        out +=
            "<line x1=\"\(n(Self.left))\" y1=\"\(n(bottom))\" x2=\"\(n(Self.right))\" y2=\"\(n(bottom))\" stroke=\"#000000\" stroke-width=\"1.5\"/>\n"
        for value in [0.0, 0.5, 1.0] {
            out +=
                "<text x=\"\(n(Self.left - 10))\" y=\"\(n(y(value) + 6))\" font-size=\"16\" text-anchor=\"end\" fill=\"#000000\">\(TextFormatting.fixed(value, 1))</text>\n"
        }
        out += "<text x=\"40\" y=\"\(n(plotTop + Self.plotHeight / 2))\" font-size=\"18\" fill=\"#000000\">arousal</text>\n"
        // Time ticks.
        let seconds = Double(steps) * stepSeconds
        let tick = [5.0, 10, 15, 30, 60, 120, 300, 600, 1800, 3600].first { seconds / $0 <= 10 } ?? 3600
        var t = 0.0
        while t <= seconds + 1e-9 {
            let px = x(Int((t / stepSeconds).rounded()))
            out += "<line x1=\"\(n(px))\" y1=\"\(n(bottom))\" x2=\"\(n(px))\" y2=\"\(n(bottom + 6))\" stroke=\"#000000\"/>\n"
            out +=
                "<text x=\"\(n(px))\" y=\"\(n(bottom + 24))\" font-size=\"16\" text-anchor=\"middle\" fill=\"#000000\">\(TextFormatting.clock(t))</text>\n"
            t += tick
        }
        // Arousal line (at most about 1,100 points).
        let stride = max(1, steps / 1100)
        var points: [String] = []
        var j = 0
        while j < series.arousal.count {
            points.append("\(n(x(j))),\(n(y(Double(series.arousal[j]))))")
            j += stride
        }
        if let lastValue = series.arousal.last, (series.arousal.count - 1) % stride != 0 {
            points.append("\(n(x(series.arousal.count - 1))),\(n(y(Double(lastValue))))")
        }
        out +=
            "<polyline id=\"arousal-\(d)\" fill=\"none\" stroke=\"#000000\" stroke-width=\"2.5\" stroke-linejoin=\"round\" points=\"\(points.joined(separator: " "))\"><title>arousal</title></polyline>\n"
        // Ruptures (crosses, with a dashed line) and repairs (circles).
        out += "<g id=\"ruptures-\(d)\">\n"
        for step in series.ruptures {
            let px = x(step)
            out +=
                "<line x1=\"\(n(px))\" y1=\"\(n(plotTop))\" x2=\"\(n(px))\" y2=\"\(n(bottom))\" stroke=\"#D55E00\" stroke-width=\"1\" stroke-dasharray=\"3 4\"/>"
            out +=
                "<path d=\"M\(n(px - 6)),\(n(plotTop - 6)) L\(n(px + 6)),\(n(plotTop + 6)) M\(n(px - 6)),\(n(plotTop + 6)) L\(n(px + 6)),\(n(plotTop - 6))\" stroke=\"#D55E00\" stroke-width=\"3\"><title>rupture at \(TextFormatting.clock(Double(step) * stepSeconds))</title></path>\n"
        }
        out += "</g>\n<g id=\"repairs-\(d)\">\n"
        for step in series.repairs {
            let px = x(step)
            out +=
                "<circle cx=\"\(n(px))\" cy=\"\(n(plotTop))\" r=\"6\" fill=\"#ffffff\" stroke=\"#009E73\" stroke-width=\"3\"><title>repair at \(TextFormatting.clock(Double(step) * stepSeconds))</title></circle>\n"
        }
        out += "</g>\n"
        // Tracks.
        var trackTop = bottom + 34
        for (name, id, segments, categories, prefix) in [
            ("where it looks", "gaze", series.gaze, Self.gazeCategories, "gaze"),
            ("what it shows", "affect", series.affect, Self.affectCategories, "affect"),
            ("what she does", "actions", series.actions, Self.actionCategories, "action"),
        ] {
            out += "<text x=\"40\" y=\"\(n(trackTop + 21))\" font-size=\"16\" fill=\"#000000\">\(name)</text>\n"
            out += "<g id=\"\(id)-\(d)\">\n"
            for segment in segments {
                let x0 = x(segment.start), x1 = x(segment.end)
                let category = categories[segment.category]
                out +=
                    "<rect x=\"\(n(x0))\" y=\"\(n(trackTop))\" width=\"\(n(max(0.5, x1 - x0)))\" height=\"\(n(Self.trackHeight))\" fill=\"url(#\(prefix)-\(segment.category))\"><title>\(escaped(category.name))</title></rect>"
                if x1 - x0 >= 22 {
                    out +=
                        "<text x=\"\(n((x0 + x1) / 2))\" y=\"\(n(trackTop + 21))\" font-size=\"15\" font-weight=\"bold\" text-anchor=\"middle\" fill=\"#000000\" stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\">\(escaped(category.letter))</text>"
                }
                out += "\n"
            }
            out += "</g>\n"
            trackTop += Self.trackHeight + 10
        }
        return out + "</g>\n"
    }

    func legend(top: Double) -> String {
        var out =
            "<g id=\"legend\">\n<text x=\"40\" y=\"\(n(top + 20))\" font-size=\"20\" font-weight=\"bold\" fill=\"#000000\">How to read it</text>\n"
        var row = top + 50
        out +=
            "<path d=\"M40,\(n(row - 11)) L52,\(n(row + 1)) M40,\(n(row + 1)) L52,\(n(row - 11))\" stroke=\"#D55E00\" stroke-width=\"3\"/>"
        out += "<text x=\"60\" y=\"\(n(row))\" font-size=\"16\" fill=\"#000000\">rupture: out of step for more than 0.5 s</text>"
        out += "<circle cx=\"420\" cy=\"\(n(row - 5))\" r=\"6\" fill=\"#ffffff\" stroke=\"#009E73\" stroke-width=\"3\"/>"
        out += "<text x=\"434\" y=\"\(n(row))\" font-size=\"16\" fill=\"#000000\">repair: back in step</text>"
        out += "<rect x=\"700\" y=\"\(n(row - 14))\" width=\"30\" height=\"16\" fill=\"url(#window-hatch)\" stroke=\"#3f8f6f\"/>"
        out += "<text x=\"738\" y=\"\(n(row))\" font-size=\"16\" fill=\"#000000\">window of tolerance</text>\n"
        for (name, categories, prefix) in [
            ("where it looks", Self.gazeCategories, "gaze"), ("what it shows", Self.affectCategories, "affect"),
            ("what she does", Self.actionCategories, "action"),
        ] {
            row += 32
            out += "<text x=\"40\" y=\"\(n(row))\" font-size=\"16\" font-weight=\"bold\" fill=\"#000000\">\(name):</text>"
            var column = 190.0
            for (index, category) in categories.enumerated() {
                let label = "\(category.letter) \(category.name)"
                out +=
                    "<rect x=\"\(n(column))\" y=\"\(n(row - 15))\" width=\"26\" height=\"18\" fill=\"url(#\(prefix)-\(index))\" stroke=\"#000000\" stroke-width=\"0.5\"/>"
                out += "<text x=\"\(n(column + 32))\" y=\"\(n(row))\" font-size=\"15\" fill=\"#000000\">\(escaped(label))</text>"
                column += 44 + Double(label.count) * 8.4
            }
            out += "\n"
        }
        return out + "</g>\n"
    }

    func figures(top: Double) -> String {
        var out =
            "<g id=\"figures\">\n<text x=\"40\" y=\"\(n(top))\" font-size=\"20\" font-weight=\"bold\" fill=\"#000000\">The figures</text>\n"
        let columnWidth = min(260.0, (Self.right - 460) / Double(max(1, report.dyads.count)))
        var y = top + 32
        for (index, part) in report.dyads.enumerated() {
            out +=
                "<text x=\"\(n(460 + columnWidth * Double(index + 1) - 10))\" y=\"\(n(y))\" font-size=\"17\" font-weight=\"bold\" text-anchor=\"end\" fill=\"#000000\">\(escaped(part.label))</text>"
        }
        out += "\n"
        for row in report.figureRows {
            y += 26
            out += "<text x=\"40\" y=\"\(n(y))\" font-size=\"17\" fill=\"#000000\">\(escaped(row.label))</text>"
            for (index, value) in row.values.enumerated() {
                out +=
                    "<text x=\"\(n(460 + columnWidth * Double(index + 1) - 10))\" y=\"\(n(y))\" font-size=\"17\" text-anchor=\"end\" fill=\"#000000\">\(escaped(value))</text>"
            }
            out += "\n"
        }
        return out + "</g>\n"
    }

    /// An HTML page: the title, the picture, and the figures as a table.
    public func html() -> String {
        var rows =
            "<tr><th scope=\"col\">figure</th>" + report.dyads.map { "<th scope=\"col\">\(escaped($0.label))</th>" }.joined() + "</tr>\n"
        for row in report.figureRows {
            rows += "<tr><th scope=\"row\">\(escaped(row.label))</th>" + row.values.map { "<td>\(escaped($0))</td>" }.joined() + "</tr>\n"
        }
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>\(escaped(title))</title>
            <style>
            body { font-family: Helvetica, Arial, sans-serif; margin: 2em; color: #000; background: #fff; }
            svg { max-width: 100%; height: auto; }
            table { border-collapse: collapse; font-size: 1.2em; margin-top: 1em; }
            th, td { border: 1px solid #999; padding: 0.3em 0.8em; }
            td { text-align: right; }
            th[scope=row] { text-align: left; font-weight: normal; }
            </style>
            </head>
            <body>
            <h1>\(escaped(title))</h1>
            <p>\(escaped(subtitle))</p>
            \(svgElement())
            <table>
            <caption>The figures</caption>
            \(rows)</table>
            </body>
            </html>

            """
    }

    func n(_ value: Double) -> String { SVGWriter.number(value, places: 1) }

    func escaped(_ text: String) -> String { SVGWriter.escaped(text) }
}
