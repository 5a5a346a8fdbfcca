import AttuneModel
import AttuneSVG
import AttuneScenario

/// A run as one 16:9 slide (1920 × 1080, every word at least 24 px at that
/// size): one row per caregiver, or, when the session tried several paths
/// through its questions with "what if", one row per path, stacked on the
/// same time axis. Each row shows the infant's arousal with the window of
/// tolerance hatched and the distress level dashed, rupture and repair
/// marks, and tracks of the infant's gaze, its affect and the caregiver's
/// actions. Beside the rows, the figures table (for paths, the debrief's
/// "paths you tried" table, the same figures); under them, the legend.
/// One standalone SVG (``svg()``), or an HTML page holding the SVG, the
/// table and the legend as text (``html()``).
///
/// It follows the conventions of the lab's charts: titled, every part
/// labelled in words, the colour-blind-safe Okabe–Ito colours, and meaning
/// never carried by colour alone. Each category of a track has a fill (a
/// colour with a texture) and a letter that no other category uses, in any
/// track; ruptures and repairs have their own marker shapes; no line
/// crosses a word and no two words overlap (laid out with
/// ``SVGWriter/estimatedWidth(of:fontSize:bold:)``).
public struct RunPicture: Sendable {
    /// One stretch of a track with one category.
    struct Segment: Hashable {
        var start: Int
        var end: Int
        var category: Int
    }

    /// A category of a track: its name, a letter, a colour and a texture.
    struct Category: Hashable {
        var name: String
        var letter: String
        var colour: String
        var texture: Texture
    }

    /// The textures a fill may have over its colour.
    enum Texture: String, CaseIterable {
        case solid, hatch, backhatch, cross, dots, vertical, horizontal, outline
    }

    /// A table beside the rows: its title, its column heads, its rows.
    struct Table {
        var title: String
        var columns: [String]
        var rows: [(label: String, values: [String])]
    }

    /// The scenario's title.
    let title: String
    /// The line under the title.
    let subtitle: String
    /// The figures of the run (the last path when there are several),
    /// with the paths tried.
    let report: DebriefReport
    /// The rows, top to bottom: a dyad of one path each.
    let rows: [DyadSeries]
    /// The table beside the rows.
    let table: Table
    /// Seconds per step.
    let stepSeconds: Double
    /// Steps on the time axis (the longest row).
    let steps: Int

    struct DyadSeries {
        var label: String
        /// The label without the policy's meaning in brackets, for a
        /// row too narrow for the whole label.
        var shortLabel: String = ""
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

    // MARK: - Categories

    /// The gaze categories: at her, away, far away, and looking around the
    /// room (away, but out of curiosity rather than to calm down).
    static let gazeCategories = [
        Category(name: "looks at her", letter: "A", colour: SVGWriter.Colour.blue, texture: .solid),
        Category(name: "looks away", letter: "O", colour: SVGWriter.Colour.skyBlue, texture: .hatch),
        Category(name: "turned far away", letter: "T", colour: SVGWriter.Colour.purple, texture: .cross),
        Category(name: "looks around the room", letter: "R", colour: SVGWriter.Colour.yellow, texture: .dots),
    ]
    /// The affect categories: happy, calm, flat, upset. Only delight is
    /// happy (positive affect, as still-face studies code it); interest is
    /// attentive, and counted with the calm.
    static let affectCategories = [
        Category(name: "happy (delighted)", letter: "+", colour: SVGWriter.Colour.green, texture: .solid),
        Category(name: "calm (interested, neutral)", letter: ".", colour: SVGWriter.Colour.skyBlue, texture: .dots),
        Category(name: "flat (dull, withdrawn)", letter: "-", colour: SVGWriter.Colour.grey, texture: .horizontal),
        Category(name: "upset (fussy, distressed, protesting)", letter: "!", colour: SVGWriter.Colour.vermillion, texture: .cross),
    ]
    /// The caregiver's actions, in ``CaregiverAction`` order. Vermillion is
    /// kept for distress (the upset baby, the distress level, ruptures), so
    /// leaning in has a colour of its own.
    static let actionCategories = [
        Category(name: "plays", letter: "P", colour: SVGWriter.Colour.orange, texture: .solid),
        Category(name: "greets", letter: "G", colour: SVGWriter.Colour.green, texture: .dots),
        Category(name: "waits", letter: "W", colour: "#FFFFFF", texture: .outline),
        Category(name: "soothes", letter: "S", colour: SVGWriter.Colour.skyBlue, texture: .vertical),
        Category(name: "leans in", letter: "L", colour: SVGWriter.Colour.purple, texture: .backhatch),
        Category(name: "still face", letter: "F", colour: SVGWriter.Colour.brown, texture: .hatch),
        Category(name: "looks elsewhere", letter: "E", colour: SVGWriter.Colour.yellow, texture: .horizontal),
    ]

    /// The three tracks: their label on the slide, their id, their
    /// categories and the prefix of their fills' ids.
    static let tracks: [(label: String, id: String, categories: [Category], prefix: String)] = [
        ("it looks", "gaze", gazeCategories, "fill-gaze"),
        ("it shows", "affect", affectCategories, "fill-affect"),
        ("she does", "actions", actionCategories, "fill-action"),
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

    // MARK: - Making one

    /// The picture of `timeline` up to its current step: one row per dyad,
    /// and the figures table.
    public init(timeline: Timeline) {
        self.init(paths: [timeline])
    }

    /// The picture of the paths a session tried through its questions,
    /// oldest first, the path it ended on last (as
    /// ``Replay/advanceToEndKeepingPaths()`` gives them): one row per path
    /// (and dyad), stacked on one time axis, with the paths table. One
    /// path is drawn as ``init(timeline:)`` draws it.
    /// - Parameters:
    ///   - paths: the paths, at least one, all of the same scenario and seed.
    ///   - answers: the answers given ahead of time (`--answer`), to name
    ///     in the line under the title; default none.
    public init(paths: [Timeline], answers: [String] = []) {
        precondition(!paths.isEmpty, "a picture needs a run")
        let current = paths[paths.count - 1]
        let branches = paths.count > 1 ? paths.map { DecisionBranch(timeline: $0) } : []
        let report = DebriefReport(timeline: current, branches: branches)
        self.report = report
        title = current.scenario.title
        stepSeconds = current.stepSeconds
        let dyadCount = current.dyadCount
        // At most four rows fit on the slide with words of 24 px.
        let shownPaths = paths.count > 1 ? Array(paths.prefix(max(1, Self.maximumRows / dyadCount))) : paths
        steps = shownPaths.map { min($0.cursor, $0.recordedSteps) }.max() ?? 0
        var subtitle: String
        if paths.count > 1 {
            subtitle = "\(paths.count) paths tried, one row each, on one time axis; seed \(current.seed)"
            if shownPaths.count < paths.count {
                subtitle = "\(shownPaths.count) of the \(paths.count) paths tried (all in the web page's table); seed \(current.seed)"
            }
        } else {
            let reached = min(current.cursor, current.recordedSteps)
            subtitle =
                "\(dyadCount == 1 ? "One run" : "One run, side by side"), "
                + "\(TextFormatting.clock(Double(reached) * current.stepSeconds)) of \(TextFormatting.clock(current.totalSeconds)), seed \(current.seed)"
            if !answers.isEmpty { subtitle += "; answers: " + answers.joined(separator: ", ") }
            if dyadCount > Self.maximumRows { subtitle += "; the first \(Self.maximumRows) of \(dyadCount) caregivers drawn" }
        }
        self.subtitle = subtitle
        var series: [DyadSeries] = []
        let names = report.branchNames
        for (p, path) in shownPaths.enumerated() {
            let count = min(path.cursor, path.recordedSteps)
            for d in 0..<min(dyadCount, Self.maximumRows) {
                var label: String
                var shortLabel = ""
                if paths.count > 1 {
                    label = "Path \(names[p])"
                    if dyadCount > 1 { label += " · \(current.scenario.plan.dyads[d].label)" }
                    if count < steps { label += " (to \(TextFormatting.clock(Double(count) * stepSeconds)))" }
                } else {
                    label = "\(current.scenario.plan.dyads[d].label) · \(report.dyads[d].policy)"
                    shortLabel = "\(current.scenario.plan.dyads[d].label) · \(report.dyads[d].policy.prefix { $0 != "(" })"
                        .trimmingCharacters(in: .whitespaces)
                }
                var row = Self.series(of: path, dyad: d, steps: count, label: label)
                row.shortLabel = shortLabel.isEmpty ? label : shortLabel
                series.append(row)
            }
        }
        rows = series
        if paths.count > 1 {
            var columns: [String] = []
            var tableRows: [(label: String, values: [String])] = []
            for d in 0..<dyadCount {
                let figures = report.branchFigureRows(dyad: d)
                if tableRows.isEmpty { tableRows = figures.map { ($0.label, []) } }
                for p in shownPaths.indices {
                    columns.append(dyadCount > 1 ? "path \(p + 1), \(current.scenario.plan.dyads[d].label)" : "path \(p + 1)")
                    for (r, row) in figures.enumerated() { tableRows[r].values.append(row.values[p]) }
                }
            }
            table = Table(title: "The paths you tried", columns: columns, rows: tableRows)
        } else {
            table = Table(
                title: "The figures", columns: Array(report.dyads.map(\.label).prefix(Self.maximumRows)),
                rows: report.figureRows.map { ($0.label, Array($0.values.prefix(Self.maximumRows))) })
        }
    }

    /// One dyad's series of `timeline`'s first `steps` steps.
    static func series(of timeline: Timeline, dyad d: Int, steps: Int, label: String) -> DyadSeries {
        let traits = timeline.now.simulation.dyads[d].traits
        var arousal: [Float] = []
        arousal.reserveCapacity(steps)
        var ruptures: [Int] = []
        var repairs: [Int] = []
        var gaze: [Int] = [], affect: [Int] = [], actions: [Int] = []
        for j in 0..<steps {
            let s = timeline.sample(step: j, dyad: d)
            arousal.append(s.arousal)
            gaze.append(gazeCategory(s.gaze, behavior: s.behavior))
            affect.append(affectCategory(s.affect))
            actions.append(Int(s.action.rawValue))
            if s.events.contains(.rupture) { ruptures.append(j) }
            if s.events.contains(.repair) { repairs.append(j) }
        }
        return DyadSeries(
            label: label, arousal: arousal, windowLow: traits.windowLow, windowHigh: traits.windowHigh,
            distressLevel: traits.distressLevel, gaze: segments(gaze), affect: segments(affect), actions: segments(actions),
            ruptures: ruptures, repairs: repairs)
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

    /// The slide's size: 1920 × 1080 (16:9).
    static let width = 1920.0
    static let height = 1080.0
    /// The smallest size of any word on the slide, px.
    public static let minimumFontSize = 24.0
    /// The most rows the slide holds.
    static let maximumRows = 4
    static let margin = 40.0
    /// Where the label column ends and the plots begin.
    static let plotLeft = 214.0
    /// The rows' area, top to bottom.
    static let rowsTop = 140.0
    static let rowsBottom = 872.0
    /// Each row: its title, then the plot, then the tracks.
    static let rowTitleHeight = 48.0
    static let trackHeight = 30.0
    static let trackPitch = 36.0
    static let rowGap = 22.0
    /// The legend's lines (baselines), one per track.
    static let legendBaselines = [968.0, 1006.0, 1044.0]
    /// Sizes of the words.
    static let titleSize = 44.0
    static let subtitleSize = 26.0
    static let rowTitleSize = 26.0
    static let textSize = 24.0
    static let tableTitleSize = 28.0
    static let linePitch = 38.0

    /// How many tracks each row shows: all three for up to three rows, the
    /// gaze alone for four.
    var trackCount: Int { rows.count <= 3 ? 3 : 1 }

    /// The height of each row's arousal plot.
    var plotHeight: Double {
        let rowHeight = (Self.rowsBottom - Self.rowsTop) / Double(max(1, rows.count))
        return rowHeight - Self.rowTitleHeight - 10 - Double(trackCount) * Self.trackPitch - Self.rowGap
    }

    func rowTop(_ index: Int) -> Double {
        Self.rowsTop + Double(index) * (Self.rowsBottom - Self.rowsTop) / Double(max(1, rows.count))
    }

    /// The table's column widths and left edge.
    var tableLayout: (left: Double, labelWidth: Double, columnWidth: Double) {
        let labelWidth = (table.rows.map { width($0.label) }.max() ?? 0) + 24
        let widest = (table.columns.map { width($0, bold: true) } + table.rows.flatMap { $0.values.map { width($0) } }).max() ?? 0
        let columnWidth = max(100, widest + 28)
        let tableWidth = max(labelWidth + Double(table.columns.count) * columnWidth, marksWidth)
        return (Self.width - Self.margin - tableWidth, labelWidth, columnWidth)
    }

    /// Where the plots end.
    var plotRight: Double { tableLayout.left - 56 }

    func width(_ text: String, size: Double = RunPicture.textSize, bold: Bool = false) -> Double {
        SVGWriter.estimatedWidth(of: text, fontSize: size, bold: bold)
    }

    /// `text`, shortened with an ellipsis to fit `room` px.
    func fitted(_ text: String, room: Double, size: Double, bold: Bool = false) -> String {
        guard width(text, size: size, bold: bold) > room else { return text }
        var kept = text
        while !kept.isEmpty && width(kept + "…", size: size, bold: bold) > room { kept.removeLast() }
        return kept.trimmingCharacters(in: .whitespaces) + "…"
    }

    func x(_ step: Int) -> Double {
        Self.plotLeft + Double(step) / Double(max(1, steps)) * (plotRight - Self.plotLeft)
    }

    /// The picture as one standalone SVG document.
    public func svg() -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svgElement()
    }

    /// A word or words on the slide.
    func text(
        _ content: String, x: Double, y: Double, size: Double = RunPicture.textSize, bold: Bool = false, anchor: String = "start",
        fill: String = "#000000", halo: Bool = false
    ) -> String {
        var out = "<text x=\"\(n(x))\" y=\"\(n(y))\" font-size=\"\(n(size))\""
        if bold { out += " font-weight=\"bold\"" }
        if anchor != "start" { out += " text-anchor=\"\(anchor)\"" }
        out += " fill=\"\(fill)\""
        if halo { out += " stroke=\"#ffffff\" stroke-width=\"4\" paint-order=\"stroke\"" }
        return out + ">\(escaped(content))</text>"
    }

    /// The `<svg>` element alone (for embedding in HTML).
    func svgElement() -> String {
        var out = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(n(Self.width))" height="\(n(Self.height))" viewBox="0 0 \(n(Self.width)) \(n(Self.height))" font-family="Helvetica, Arial, sans-serif" role="img" aria-labelledby="picture-title picture-description">
            <title id="picture-title">\(escaped(title))</title>
            <desc id="picture-description">\(escaped(description))</desc>
            \(patterns)
            <rect x="0" y="0" width="\(n(Self.width))" height="\(n(Self.height))" fill="#ffffff"/>

            """
        let room = Self.width - 2 * Self.margin
        out +=
            text(fitted(title, room: room, size: Self.titleSize, bold: true), x: Self.margin, y: 64, size: Self.titleSize, bold: true)
            + "\n"
        out +=
            text(fitted(subtitle, room: room, size: Self.subtitleSize), x: Self.margin, y: 106, size: Self.subtitleSize, fill: "#333333")
            + "\n"
        for (index, series) in rows.enumerated() {
            out += row(series, index: index, top: rowTop(index))
        }
        out += timeAxis(top: rowTop(rows.count - 1) + Self.rowTitleHeight + plotHeight + 10 + Double(trackCount) * Self.trackPitch)
        out += figures()
        out += marks()
        out += legend()
        out += "</svg>\n"
        return out
    }

    var description: String {
        let what = rows.count > 1 && !report.branches.isEmpty ? "For each path tried" : "For each caregiver"
        return
            "\(what): the baby's arousal over time with the window of tolerance hatched and the distress level dashed, ruptures marked with crosses and repairs with circles; "
            + "tracks of where the baby looks, what it shows, and what the caregiver does; beside them, the figures."
    }

    /// The fill patterns: the window's hatch, then one per category.
    var patterns: String {
        var defs = "<defs>\n"
        defs +=
            "<pattern id=\"window-hatch\" patternUnits=\"userSpaceOnUse\" width=\"12\" height=\"12\" patternTransform=\"rotate(45)\"><rect width=\"12\" height=\"12\" fill=\"#d9f0e3\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"12\" stroke=\"#7fbf9f\" stroke-width=\"2\"/></pattern>\n"
        for track in Self.tracks {
            for (index, category) in track.categories.enumerated() {
                defs += pattern(id: "\(track.prefix)-\(index)", category: category) + "\n"
            }
        }
        return defs + "</defs>"
    }

    /// A fill's drawing, without its id: its colour and its texture.
    static func fillBody(_ category: Category) -> String {
        let base = "<rect width=\"10\" height=\"10\" fill=\"\(category.colour)\"/>"
        let ink = "#000000"
        let texture: String
        switch category.texture {
        case .solid: texture = ""
        case .hatch: texture = "<path d=\"M0,10 L10,0\" stroke=\"\(ink)\" stroke-width=\"1.4\"/>"
        case .backhatch: texture = "<path d=\"M0,0 L10,10\" stroke=\"\(ink)\" stroke-width=\"1.4\"/>"
        case .cross: texture = "<path d=\"M0,10 L10,0 M0,0 L10,10\" stroke=\"\(ink)\" stroke-width=\"1.4\"/>"
        case .dots: texture = "<circle cx=\"5\" cy=\"5\" r=\"1.8\" fill=\"\(ink)\"/>"
        case .vertical: texture = "<path d=\"M5,0 L5,10\" stroke=\"\(ink)\" stroke-width=\"1.4\"/>"
        case .horizontal: texture = "<path d=\"M0,5 L10,5\" stroke=\"\(ink)\" stroke-width=\"1.4\"/>"
        case .outline: texture = "<rect width=\"10\" height=\"10\" fill=\"none\" stroke=\"#666666\" stroke-width=\"0.6\"/>"
        }
        return base + texture
    }

    func pattern(id: String, category: Category) -> String {
        "<pattern id=\"\(id)\" patternUnits=\"userSpaceOnUse\" width=\"10\" height=\"10\">\(Self.fillBody(category))</pattern>"
    }

    func row(_ series: DyadSeries, index d: Int, top: Double) -> String {
        var out = "<g id=\"dyad-\(d)\">\n"
        let room = plotRight - Self.margin
        let label = width(series.label, size: Self.rowTitleSize, bold: true) <= room ? series.label : series.shortLabel
        out +=
            text(
                fitted(label, room: room, size: Self.rowTitleSize, bold: true), x: Self.margin, y: top + 27, size: Self.rowTitleSize,
                bold: true) + "\n"
        let plotTop = top + Self.rowTitleHeight
        let plotHeight = self.plotHeight
        let bottom = plotTop + plotHeight
        let left = Self.plotLeft, right = plotRight
        func y(_ value: Double) -> Double { bottom - min(1, max(0, value)) * plotHeight }
        // Window of tolerance, hatched (named in the legend).
        out +=
            "<rect id=\"window-\(d)\" x=\"\(n(left))\" y=\"\(n(y(series.windowHigh)))\" width=\"\(n(right - left))\" height=\"\(n(y(series.windowLow) - y(series.windowHigh)))\" fill=\"url(#window-hatch)\"><title>window of tolerance: arousal \(TextFormatting.fixed(series.windowLow, 2)) to \(TextFormatting.fixed(series.windowHigh, 2))</title></rect>\n"
        // Distress level, dashed.
        out +=
            "<line id=\"distress-\(d)\" x1=\"\(n(left))\" y1=\"\(n(y(series.distressLevel)))\" x2=\"\(n(right))\" y2=\"\(n(y(series.distressLevel)))\" stroke=\"#D55E00\" stroke-width=\"2.5\" stroke-dasharray=\"12 8\"/>\n"
        // Axes, and the arousal scale beside them.
        out +=
            "<line x1=\"\(n(left))\" y1=\"\(n(plotTop))\" x2=\"\(n(left))\" y2=\"\(n(bottom))\" stroke=\"#000000\" stroke-width=\"1.5\"/>\n"
        out +=
            "<line x1=\"\(n(left))\" y1=\"\(n(bottom))\" x2=\"\(n(right))\" y2=\"\(n(bottom))\" stroke=\"#000000\" stroke-width=\"1.5\"/>\n"
        let ascent = Self.textSize * SVGWriter.ascent
        out += text("1", x: left - 12, y: plotTop - 4 + ascent, anchor: "end") + "\n"
        out += text("0", x: left - 12, y: bottom + 4 - Self.textSize * SVGWriter.descent, anchor: "end") + "\n"
        out += text("arousal", x: Self.margin, y: plotTop + plotHeight / 2 + ascent / 2) + "\n"
        // Arousal line (at most about 1,100 points).
        let stride = max(1, series.arousal.count / 1100)
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
            "<polyline id=\"arousal-\(d)\" fill=\"none\" stroke=\"#000000\" stroke-width=\"3\" stroke-linejoin=\"round\" points=\"\(points.joined(separator: " "))\"><title>arousal</title></polyline>\n"
        // Ruptures (crosses, with a dashed line) and repairs (circles).
        out += "<g id=\"ruptures-\(d)\">\n"
        for step in series.ruptures {
            let px = x(step)
            out +=
                "<line x1=\"\(n(px))\" y1=\"\(n(plotTop))\" x2=\"\(n(px))\" y2=\"\(n(bottom))\" stroke=\"#D55E00\" stroke-width=\"1\" stroke-dasharray=\"3 4\"/>"
            out +=
                "<path d=\"\(Self.crossPath(x: px, y: plotTop))\" stroke=\"#D55E00\" stroke-width=\"3\"><title>rupture at \(TextFormatting.clock(Double(step) * stepSeconds))</title></path>\n"
        }
        out += "</g>\n<g id=\"repairs-\(d)\">\n"
        for step in series.repairs {
            out +=
                "<circle cx=\"\(n(x(step)))\" cy=\"\(n(plotTop))\" r=\"7\" fill=\"#ffffff\" stroke=\"#009E73\" stroke-width=\"3\"><title>repair at \(TextFormatting.clock(Double(step) * stepSeconds))</title></circle>\n"
        }
        out += "</g>\n"
        // Tracks.
        var trackTop = bottom + 10
        let tracks = Array(zip(Self.tracks, [series.gaze, series.affect, series.actions]).prefix(trackCount))
        let letterSize = Self.textSize
        for (track, segments) in tracks {
            out += text(track.label, x: Self.margin, y: trackTop + 23) + "\n"
            out += "<g id=\"\(track.id)-\(d)\">\n"
            for segment in segments {
                let x0 = x(segment.start), x1 = x(segment.end)
                let category = track.categories[segment.category]
                out +=
                    "<rect x=\"\(n(x0))\" y=\"\(n(trackTop))\" width=\"\(n(max(0.5, x1 - x0)))\" height=\"\(n(Self.trackHeight))\" fill=\"url(#\(track.prefix)-\(segment.category))\"><title>\(escaped(category.name))</title></rect>"
                if x1 - x0 >= width(category.letter, size: letterSize, bold: true) + 12 {
                    out += text(
                        category.letter, x: (x0 + x1) / 2, y: trackTop + 23, size: letterSize, bold: true, anchor: "middle", halo: true)
                }
                out += "\n"
            }
            out += "</g>\n"
            trackTop += Self.trackPitch
        }
        return out + "</g>\n"
    }

    /// A rupture's cross, 14 px across, centred on (`x`, `y`).
    static func crossPath(x: Double, y: Double) -> String {
        func n(_ value: Double) -> String { SVGWriter.number(value, places: 1) }
        return "M\(n(x - 7)),\(n(y - 7)) L\(n(x + 7)),\(n(y + 7)) M\(n(x - 7)),\(n(y + 7)) L\(n(x + 7)),\(n(y - 7))"
    }

    /// The time axis under the last row, the same for every row.
    func timeAxis(top: Double) -> String {
        var out = "<g id=\"time-axis\">\n"
        let axis = top + 2
        out +=
            "<line x1=\"\(n(Self.plotLeft))\" y1=\"\(n(axis))\" x2=\"\(n(plotRight))\" y2=\"\(n(axis))\" stroke=\"#000000\" stroke-width=\"1.5\"/>\n"
        out += text("time", x: Self.margin, y: axis + 34) + "\n"
        let seconds = Double(steps) * stepSeconds
        let labelWidth = width("00:00") + 24
        let slots = max(1, Int((plotRight - Self.plotLeft) / labelWidth))
        let tick = [5.0, 10, 15, 20, 30, 60, 120, 300, 600, 900, 1800, 3600].first { seconds / $0 <= Double(slots) } ?? 3600
        var t = 0.0
        while t <= seconds + 1e-9 {
            let px = x(Int((t / stepSeconds).rounded()))
            out += "<line x1=\"\(n(px))\" y1=\"\(n(axis))\" x2=\"\(n(px))\" y2=\"\(n(axis + 8))\" stroke=\"#000000\"/>"
            out += text(TextFormatting.clock(t), x: px, y: axis + 34, anchor: "middle") + "\n"
            t += tick
        }
        return out + "</g>\n"
    }

    /// The table beside the rows.
    func figures() -> String {
        let layout = tableLayout
        var out = "<g id=\"figures\">\n"
        out += text(table.title, x: layout.left, y: Self.rowsTop + 30, size: Self.tableTitleSize, bold: true) + "\n"
        var y = Self.rowsTop + 30 + 48
        for (index, column) in table.columns.enumerated() {
            let right = layout.left + layout.labelWidth + layout.columnWidth * Double(index + 1) - 12
            out += text(column, x: right, y: y, bold: true, anchor: "end")
        }
        out += "\n"
        for row in table.rows {
            y += Self.linePitch
            out += text(row.label, x: layout.left, y: y)
            for (index, value) in row.values.enumerated() {
                out += text(value, x: layout.left + layout.labelWidth + layout.columnWidth * Double(index + 1) - 12, y: y, anchor: "end")
            }
            out += "\n"
        }
        return out + "</g>\n"
    }

    /// The marks' legend, under the table: rupture, repair, window, distress.
    static let markNames = [
        "rupture: out of step for more than 0.5 s", "repair: back in step", "window of tolerance (comfortable range)",
        "distress level",
    ]

    /// How wide the marks' legend is.
    var marksWidth: Double {
        56 + (Self.markNames.map { width($0) }.max() ?? 0)
    }

    func marks() -> String {
        let left = tableLayout.left
        var y = Self.rowsTop + 30 + 48 + Double(table.rows.count) * Self.linePitch + 70
        var out = "<g id=\"marks\">\n"
        out += text("How to read it", x: left, y: y, size: Self.tableTitleSize, bold: true) + "\n"
        let middle = -Self.textSize * SVGWriter.ascent / 2 + 2
        y += 44
        out += "<path d=\"\(Self.crossPath(x: left + 16, y: y + middle))\" stroke=\"#D55E00\" stroke-width=\"3\"/>"
        out += text(Self.markNames[0], x: left + 56, y: y) + "\n"
        y += Self.linePitch
        out += "<circle cx=\"\(n(left + 16))\" cy=\"\(n(y + middle))\" r=\"7\" fill=\"#ffffff\" stroke=\"#009E73\" stroke-width=\"3\"/>"
        out += text(Self.markNames[1], x: left + 56, y: y) + "\n"
        y += Self.linePitch
        out += "<rect x=\"\(n(left))\" y=\"\(n(y - 20))\" width=\"40\" height=\"24\" fill=\"url(#window-hatch)\"/>"
        out += text(Self.markNames[2], x: left + 56, y: y) + "\n"
        y += Self.linePitch
        out +=
            "<line x1=\"\(n(left))\" y1=\"\(n(y + middle))\" x2=\"\(n(left + 40))\" y2=\"\(n(y + middle))\" stroke=\"#D55E00\" stroke-width=\"2.5\" stroke-dasharray=\"12 8\"/>"
        out += text(Self.markNames[3], x: left + 56, y: y) + "\n"
        return out + "</g>\n"
    }

    /// One entry of the legend: what a fill and a letter mean, and the
    /// track they belong to.
    struct LegendEntry: Hashable {
        var track: String
        var category: Category
        /// The fill's id in the SVG.
        var fill: String
    }

    /// Every fill and letter of the tracks, with its meaning: what the
    /// legend shows, and what a test checks each is used once.
    static var legendEntries: [LegendEntry] {
        tracks.flatMap { track in
            track.categories.enumerated().map { LegendEntry(track: track.label, category: $1, fill: "\(track.prefix)-\($0)") }
        }
    }

    /// The legend's text for one category: its letter and its name.
    static func legendLabel(_ category: Category) -> String { "\(category.letter) \(category.name)" }

    /// The tracks' legend, under the rows: one line per track drawn, short names
    /// where the whole name does not fit (the web page gives it whole).
    func legend() -> String {
        var out = "<g id=\"legend\">\n"
        for (line, track) in Self.tracks.prefix(trackCount).enumerated() {
            let y = Self.legendBaselines[line]
            out += text(track.label + ":", x: Self.margin, y: y, bold: true)
            var column = Self.plotLeft
            for (index, category) in track.categories.enumerated() {
                let label = Self.shortLegendLabel(category)
                out +=
                    "<rect x=\"\(n(column))\" y=\"\(n(y - 21))\" width=\"36\" height=\"26\" fill=\"url(#\(track.prefix)-\(index))\" stroke=\"#000000\" stroke-width=\"0.8\"/>"
                out += text(label, x: column + 46, y: y)
                column += 46 + width(label) + 30
            }
            out += "\n"
        }
        return out + "</g>\n"
    }

    /// The legend's words on the slide: the name up to its bracket, whole
    /// when it is short.
    static func shortLegendLabel(_ category: Category) -> String {
        let name =
            category.name.count > 24 ? String(category.name.prefix { $0 != "(" }).trimmingCharacters(in: .whitespaces) : category.name
        return "\(category.letter) \(name)"
    }

    // MARK: - HTML

    /// An HTML page: the title, the picture, the table, and the legend.
    public func html() -> String {
        var tables = ""
        if report.branches.count > 1 {
            tables += "<h2>The paths you tried</h2>\n<p>\(escaped(DebriefReport.branchesIntro))</p>\n"
            for d in report.dyads.indices {
                var rows =
                    "<tr><th scope=\"col\">figure</th>" + report.branchNames.map { "<th scope=\"col\">path \(escaped($0))</th>" }.joined()
                    + "</tr>\n"
                for row in report.branchFigureRows(dyad: d) {
                    rows +=
                        "<tr><th scope=\"row\">\(escaped(row.label))</th>" + row.values.map { "<td>\(escaped($0))</td>" }.joined()
                        + "</tr>\n"
                }
                let caption = report.dyads.count > 1 ? "The paths you tried: \(report.dyads[d].label)" : "The paths you tried"
                tables += "<table>\n<caption>\(escaped(caption))</caption>\n\(rows)</table>\n"
            }
        } else {
            var rows =
                "<tr><th scope=\"col\">figure</th>" + table.columns.map { "<th scope=\"col\">\(escaped($0))</th>" }.joined() + "</tr>\n"
            for row in table.rows {
                rows +=
                    "<tr><th scope=\"row\">\(escaped(row.label))</th>" + row.values.map { "<td>\(escaped($0))</td>" }.joined() + "</tr>\n"
            }
            tables += "<table>\n<caption>The figures</caption>\n\(rows)</table>\n"
        }
        var legend = "<h2>How to read it</h2>\n<ul>\n"
        for name in Self.markNames { legend += "<li>\(escaped(name))</li>\n" }
        for track in Self.tracks.prefix(trackCount) {
            legend +=
                "<li>\(escaped(track.label)): " + track.categories.map { escaped(Self.legendLabel($0)) }.joined(separator: "; ") + "</li>\n"
        }
        legend += "</ul>\n"
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
            \(svgElement())\(tables)\(legend)</body>
            </html>

            """
    }

    func n(_ value: Double) -> String { SVGWriter.number(value, places: 1) }

    func escaped(_ text: String) -> String { SVGWriter.escaped(text) }
}
