import Foundation
import Testing

@testable import AttuneLab

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Collects what an SVG holds: whether it parsed, its elements, and the
/// series names and marker shapes.
private final class SVGReader: NSObject, XMLParserDelegate {
    var elements = [String]()
    var series = [String]()
    var markers = [String]()
    var dashes = [String]()
    var texts = [String]()
    private var text = ""

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        elements.append(name)
        if let s = attributes["data-series"] { series.append(s) }
        if let m = attributes["data-marker"] { markers.append(m) }
        if name == "polyline" { dashes.append(attributes["stroke-dasharray"] ?? "solid") }
        text = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "text" || name == "title" { texts.append(text) }
    }

    static func read(_ svg: String) -> (SVGReader, Bool) {
        let reader = SVGReader()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = reader
        return (reader, parser.parse())
    }
}

private let chart = ChartData(
    title: "Median time to repair, s by patience",
    subtitle: "Waits & Chases <test>: mean and 95% interval over 10 runs at each point",
    xLabel: "dyads.0.caregiver.patience (s)", yLabel: "Median time to repair, s",
    xTicks: (0...4).map { ChartTick(x: Double($0), label: "\($0)s") }, yLimits: 0...Double.greatestFiniteMagnitude,
    series: [
        ChartSeries(
            name: "Waits",
            points: (0...4).map {
                ChartPoint(x: Double($0), mean: 2 - 0.2 * Double($0), lower: 1.8 - 0.2 * Double($0), upper: 2.2 - 0.2 * Double($0))
            }),
        ChartSeries(name: "Chases", points: (0...4).map { ChartPoint(x: Double($0), mean: 9, lower: 8, upper: 10) }),
    ])

@Suite("Sweep charts: text and SVG")
struct SweepChartTests {
    @Test("the SVG is well-formed XML with a title, labelled axes, a legend and one series per dyad")
    func svgWellFormed() {
        let svg = SVGChart.render(chart)
        let (reader, parsed) = SVGReader.read(svg)
        #expect(parsed)
        #expect(reader.elements.first == "svg")
        #expect(reader.elements.contains("title"))
        #expect(reader.series == ["Waits", "Chases"])
        #expect(reader.texts.contains("Median time to repair, s by patience"))
        #expect(reader.texts.contains("dyads.0.caregiver.patience (s)"))
        #expect(reader.texts.contains("Median time to repair, s"))
        #expect(reader.texts.contains("Waits & Chases <test>: mean and 95% interval over 10 runs at each point"))
        #expect(reader.texts.contains("95% interval of the mean"))
    }

    @Test("the SVG tells series apart by marker shape and dash pattern, not by colour alone")
    func svgNotColourAlone() {
        let (reader, _) = SVGReader.read(SVGChart.render(chart))
        #expect(Set(reader.markers).count == 2)
        #expect(Set(reader.dashes).count == 2)
        #expect(SVGChart.render(chart).components(separatedBy: "class=\"interval\"").count - 1 == 10)
    }

    @Test("the text chart is plain ASCII with axes, a symbol per series, whiskers and a legend")
    func textChart() {
        let text = TextChart.render(chart)
        let ascii = text.unicodeScalars.allSatisfy { $0.isASCII }
        #expect(ascii)
        #expect(text.hasPrefix("Median time to repair, s by patience\n"))
        #expect(text.contains("o Waits   x Chases   | 95% interval"))
        #expect(text.contains("dyads.0.caregiver.patience (s)"))
        #expect(text.contains("0s"))
        #expect(text.contains("4s"))
        let lines = text.split(separator: "\n")
        #expect(lines.contains { $0.contains("o") && $0.contains("+") || $0.contains("o") && $0.contains("|") })
        #expect(lines.contains { $0.contains("x") && $0.contains("|") })
        #expect(text.filter { $0 == "o" }.count >= 5)
    }

    @Test("a sweep report charts a figure against the first varied field, one series per dyad")
    func sweepReportChart() throws {
        let (grid, plans) = try ExperimentFixtures.plans(
            ExperimentFixtures.waitOrChase, vary: ["dyads.1.caregiver.patience=1s..3s:1s"])
        var report = SweepReport(title: "Wait or chase", grid: grid, runs: 6, firstSeed: 1)
        try SweepRunner(plans: plans, runs: 6, firstSeed: 1, threads: 2).run { report.add($0) }
        let metric = try SweepFigures.index(named: "distress_pct")
        let data = report.chart(metric: metric)
        #expect(data.series.map(\.name) == ["Waits", "Chases"])
        #expect(data.series.allSatisfy { $0.points.map(\.x) == [1, 2, 3] })
        #expect(data.xTicks.map(\.label) == ["1s", "2s", "3s"])
        let table = report.table(metrics: [metric])
        #expect(table.contains("patience"))
        #expect(table.contains("Waits\n"))
        #expect(table.contains("±"))
        let (_, parsed) = SVGReader.read(SVGChart.render(data))
        #expect(parsed)
    }

    @Test("an unknown figure is refused with the list of names and a suggestion")
    func unknownMetric() {
        do {
            _ = try SweepFigures.index(named: "median_repair")
            Issue.record("expected a refusal")
        } catch {
            #expect(
                error.description.hasPrefix(
                    "--plot median_repair: there is no figure called \"median_repair\"; did you mean \"median_repair_s\"?"))
        }
        #expect(SweepFigures.all.map(\.column).count == Set(SweepFigures.all.map(\.column)).count)
        #expect(SweepFigures.all.allSatisfy { !$0.column.contains(" ") })
    }

    @Test("text in an SVG is escaped")
    func escaping() {
        #expect(SVGChart.escaped("a<b & \"c\"") == "a&lt;b &amp; &quot;c&quot;")
    }
}
