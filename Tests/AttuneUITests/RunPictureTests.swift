import AttuneModel
import AttuneSVG
import AttuneScenario
import Foundation
import Testing

@testable import AttuneUI

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Collects the elements of an XML document: their names, ids and text.
final class XMLCollector: NSObject, XMLParserDelegate, @unchecked Sendable {
    var ids: [String: [String: String]] = [:]
    var names: [String] = []
    var text = ""

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        names.append(elementName)
        if let id = attributes["id"] { ids[id] = attributes.merging(["element": elementName]) { $1 } }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
}

/// Parses `xml`; fails the test when it is not well formed.
func parseXML(_ xml: String, sourceLocation: SourceLocation = #_sourceLocation) -> XMLCollector {
    let collector = XMLCollector()
    let parser = XMLParser(data: Data(xml.utf8))
    parser.delegate = collector
    let ok = parser.parse()
    #expect(ok, "well-formed XML: \(String(describing: parser.parserError))", sourceLocation: sourceLocation)
    return collector
}

/// A whole run of a ready scenario, headless.
func finishedTimeline(_ name: String, seed: UInt64? = nil) throws -> Timeline {
    let scenario = try readyScenario(name)
    var timeline = Timeline(scenario: scenario, seed: seed ?? scenario.seed)
    while !timeline.isFinished { timeline.step() }
    return timeline
}

/// A two-path session of the decision test scenario, recorded: lean in,
/// then "what if" and wait. Gives the recording's paths as the replay keeps
/// them, and the session's own branches.
func twoPathSession() throws -> (paths: [Timeline], branches: [DecisionBranch]) {
    let scenario = try ScenarioLoader.load(yaml: decisionScenarioYAML, name: "decision-test")
    var session = RecordedSession(scenario)
    var left = 900
    while session.state.session?.timeline.openDecision == nil && left > 0 {
        session.wait(seconds: 0.1)
        left -= 1
    }
    session.press(.character("i"))
    session.wait(seconds: 12)
    session.press(.character("W"))
    session.press(.character("w"))
    session.wait(seconds: 12)
    var replay = Replay(recording: session.recording, scenario: scenario)
    let paths = try replay.advanceToEndKeepingPaths()
    return (paths, session.state.session?.branches ?? [])
}

/// What a slide holds, read back from its SVG: every word with its box
/// (estimated from its size and length, as the layout estimates it) and
/// every straight line drawn (lines, polylines, and paths of moves and
/// lines), outside the fill patterns.
final class SlideReader: NSObject, XMLParserDelegate, @unchecked Sendable {
    struct Word {
        var text: String
        var size: Double
        var box: (x0: Double, y0: Double, x1: Double, y1: Double)
    }

    var viewBox: [Double] = []
    var words: [Word] = []
    var segments: [(Double, Double, Double, Double)] = []
    var patternDepth = 0
    var textAttributes: [String: String]?
    var textContent = ""
    var groups: [String] = []

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes a: [String: String] = [:]
    ) {
        func d(_ key: String) -> Double { Double(a[key] ?? "") ?? 0 }
        switch name {
        case "svg": viewBox = (a["viewBox"] ?? "").split(separator: " ").compactMap { Double($0) }
        case "pattern": patternDepth += 1
        case "g": if let id = a["id"] { groups.append(id) }
        case "text":
            textAttributes = a
            textContent = ""
        case "line" where patternDepth == 0:
            segments.append((d("x1"), d("y1"), d("x2"), d("y2")))
        case "polyline" where patternDepth == 0:
            let points = (a["points"] ?? "").split(separator: " ").map { $0.split(separator: ",").compactMap { Double($0) } }
            for (p, q) in zip(points, points.dropFirst()) { segments.append((p[0], p[1], q[0], q[1])) }
        case "path" where patternDepth == 0:
            var last: (Double, Double)?
            for token in (a["d"] ?? "").split(separator: " ") {
                let move = token.hasPrefix("M")
                let numbers = token.dropFirst().split(separator: ",").compactMap { Double($0) }
                guard numbers.count == 2 else { continue }
                if !move, let last { segments.append((last.0, last.1, numbers[0], numbers[1])) }
                last = (numbers[0], numbers[1])
            }
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if textAttributes != nil { textContent += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "pattern" { patternDepth -= 1 }
        guard name == "text", let a = textAttributes else { return }
        let size = Double(a["font-size"] ?? "") ?? 0
        let width = SVGWriter.estimatedWidth(of: textContent, fontSize: size, bold: a["font-weight"] == "bold")
        let x = Double(a["x"] ?? "") ?? 0, y = Double(a["y"] ?? "") ?? 0
        let x0 =
            switch a["text-anchor"] {
            case "middle": x - width / 2
            case "end": x - width
            default: x
            }
        words.append(Word(text: textContent, size: size, box: (x0, y - size * SVGWriter.ascent, x0 + width, y + size * SVGWriter.descent)))
        textAttributes = nil
    }

    static func read(_ svg: String, sourceLocation: SourceLocation = #_sourceLocation) -> SlideReader {
        let reader = SlideReader()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = reader
        #expect(parser.parse(), "well-formed SVG", sourceLocation: sourceLocation)
        return reader
    }

    /// True when the segment from (x1, y1) to (x2, y2) touches the box.
    static func crosses(_ s: (Double, Double, Double, Double), _ b: (x0: Double, y0: Double, x1: Double, y1: Double)) -> Bool {
        // Clip the segment to the box (Liang–Barsky).
        var t0 = 0.0, t1 = 1.0
        let dx = s.2 - s.0, dy = s.3 - s.1
        for (p, q) in [(-dx, s.0 - b.x0), (dx, b.x1 - s.0), (-dy, s.1 - b.y0), (dy, b.y1 - s.1)] {
            if p == 0 {
                if q < 0 { return false }
            } else {
                let r = q / p
                if p < 0 { t0 = max(t0, r) } else { t1 = min(t1, r) }
                if t0 > t1 { return false }
            }
        }
        return true
    }

    /// The problems of the slide: words too small or outside it, words
    /// crossed by a line, words overlapping.
    var problems: [String] {
        var out: [String] = []
        for word in words {
            if word.size < RunPicture.minimumFontSize { out.append("\"\(word.text)\" is \(word.size) px") }
            if word.box.x0 < 0 || word.box.y0 < 0 || word.box.x1 > viewBox[2] || word.box.y1 > viewBox[3] {
                out.append("\"\(word.text)\" leaves the slide: \(word.box)")
            }
            for segment in segments where Self.crosses(segment, word.box) {
                out.append("\"\(word.text)\" at \(word.box) is crossed by the line \(segment)")
                break
            }
        }
        for (i, a) in words.enumerated() {
            for b in words[(i + 1)...] {
                if a.box.x0 < b.box.x1 && b.box.x0 < a.box.x1 && a.box.y0 < b.box.y1 && b.box.y0 < a.box.y1 {
                    out.append("\"\(a.text)\" \(a.box) overlaps \"\(b.text)\" \(b.box)")
                }
            }
        }
        return out
    }
}

@Suite("A run as a slide")
struct RunPictureTests {
    /// Pictures of many shapes: one caregiver, two side by side, a long
    /// run, answers given ahead, two paths, three paths.
    static func pictures() throws -> [(String, RunPicture)] {
        var out: [(String, RunPicture)] = []
        for name in ["scene-b-chases", "wait-or-chase", "still-face", "history-of-intrusion"] {
            out.append((name, RunPicture(timeline: try finishedTimeline(name))))
        }
        let answered = try AnsweredRun(scenario: try readyScenario("workshop-still-face"), keys: ["l", "k", "b"])
        out.append(("answered", RunPicture(paths: [answered.play(seed: 3).timeline], answers: answered.labels)))
        let two = try twoPathSession().paths
        out.append(("two paths", RunPicture(paths: two)))
        out.append(("three paths", RunPicture(paths: [two[0], two[1], two[1]])))
        out.append(("five paths", RunPicture(paths: [two[0], two[1], two[0], two[1], two[1]])))
        return out
    }

    @Test func everySlideIs16By9WithNoSmallWordNoCrossedWordAndNoOverlap() throws {
        for (name, picture) in try Self.pictures() {
            let slide = SlideReader.read(picture.svg())
            #expect(slide.viewBox == [0, 0, 1920, 1080], "\(name)")
            #expect(slide.words.count > 40, "\(name)")
            #expect(slide.problems.isEmpty, "\(name): \(slide.problems.prefix(8).joined(separator: "\n"))")
            let ids = picture.svg().matches(of: /\sid="([^"]+)"/).map { String($0.1) }
            #expect(Set(ids).count == ids.count, "\(name): every id is used once")
        }
    }

    @Test func theCheckerSeesACrossedWordAndAnOverlap() {
        let svg = """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1920 1080">
            <text x="100" y="100" font-size="24">crossed</text><line x1="90" y1="90" x2="300" y2="90"/>
            <text x="100" y="300" font-size="24">first</text><text x="120" y="310" font-size="24">second</text>
            <text x="100" y="500" font-size="16">small</text>
            </svg>
            """
        let problems = SlideReader.read(svg).problems
        #expect(problems.contains { $0.hasPrefix("\"crossed\"") && $0.contains("crossed by the line") })
        #expect(problems.contains { $0.hasPrefix("\"first\"") && $0.contains("overlaps \"second\"") })
        #expect(problems.contains { $0 == "\"small\" is 16.0 px" })
    }

    @Test func eachFillAndEachLetterMeansOneThing() throws {
        let entries = RunPicture.legendEntries
        #expect(entries.count == 15)
        let fills = entries.map { RunPicture.fillBody($0.category) }
        #expect(Set(fills).count == fills.count, "a fill (colour and texture) stands for one meaning")
        let letters = entries.map { $0.category.letter.lowercased() }
        #expect(Set(letters).count == letters.count, "a letter stands for one meaning, whatever its case")
        #expect(Set(entries.map(\.category.name)).count == entries.count)
        // Within a track, colours and textures differ too.
        for track in RunPicture.tracks {
            #expect(Set(track.categories.map(\.colour)).count == track.categories.count, "\(track.label)")
            #expect(Set(track.categories.map(\.texture)).count == track.categories.count, "\(track.label)")
        }
        // The slide's legend shows every one, with its own fill.
        let svg = RunPicture(timeline: try finishedTimeline("scene-b-chases")).svg()
        for entry in entries {
            #expect(svg.contains(">\(RunPicture.shortLegendLabel(entry.category))</text>"), "\(entry.category.name)")
            #expect(
                svg.contains(
                    "<pattern id=\"\(entry.fill)\" patternUnits=\"userSpaceOnUse\" width=\"10\" height=\"10\">\(RunPicture.fillBody(entry.category))</pattern>"
                ))
        }
        #expect(RunPicture.gazeCategories[2].letter != RunPicture.actionCategories[5].letter, "far away and still face")
        // The one orange-red of distress is not also the caregiver's leaning in.
        #expect(RunPicture.actionCategories[4].colour != RunPicture.affectCategories[3].colour)
    }

    @Test func theSVGHoldsEverySeriesOfEachDyad() throws {
        let picture = RunPicture(timeline: try finishedTimeline("wait-or-chase"))
        let xml = parseXML(picture.svg())
        #expect(xml.names.first == "svg")
        for d in 0..<2 {
            for part in ["dyad", "window", "distress", "arousal", "ruptures", "repairs", "gaze", "affect", "actions"] {
                #expect(xml.ids["\(part)-\(d)"] != nil, "\(part)-\(d)")
            }
        }
        #expect(xml.ids["arousal-0"]?["element"] == "polyline")
        #expect(xml.ids["figures"] != nil && xml.ids["legend"] != nil && xml.ids["marks"] != nil && xml.ids["time-axis"] != nil)
        #expect(xml.text.contains("Wait or chase? One baby, two caregivers"))
        #expect(xml.text.contains("window of tolerance"))
        #expect(xml.text.contains("ruptures (out of step > 0.5 s)"))
        #expect(xml.text.contains("Waits · waits through look-aways") && xml.text.contains("Chases · leans in to win"))
        #expect(!xml.text.contains("intrusive"))
    }

    @Test func theArousalLineFollowsTheRun() throws {
        let timeline = try finishedTimeline("scene-a-waits")
        let picture = RunPicture(timeline: timeline)
        let xml = parseXML(picture.svg())
        let points = try #require(xml.ids["arousal-0"]?["points"]).split(separator: " ")
        #expect(points.count >= 1000 && points.count <= 1202)
        let first = points[0].split(separator: ",").compactMap { Double($0) }
        let bottom = RunPicture.rowsTop + RunPicture.rowTitleHeight + picture.plotHeight
        let expected = bottom - Double(timeline.sample(step: 0, dyad: 0).arousal) * picture.plotHeight
        #expect(abs(first[1] - expected) < 0.1)
        #expect(first[0] == RunPicture.plotLeft)
        let last = try #require(points.last).split(separator: ",").compactMap { Double($0) }
        #expect(abs(last[0] - picture.plotRight) < 2)
    }

    @Test func everyRuptureAndRepairIsMarked() throws {
        let timeline = try finishedTimeline("scene-b-chases")
        let svg = RunPicture(timeline: timeline).svg()
        let ruptures = (0..<timeline.recordedSteps).filter { timeline.sample(step: $0, dyad: 0).events.contains(.rupture) }.count
        let repairs = (0..<timeline.recordedSteps).filter { timeline.sample(step: $0, dyad: 0).events.contains(.repair) }.count
        #expect(ruptures > 0)
        #expect(svg.components(separatedBy: "<title>rupture at").count - 1 == ruptures)
        #expect(svg.components(separatedBy: "<title>repair at").count - 1 == repairs)
    }

    @Test func lookingAroundTheRoomHasItsOwnCategoryAndOnlyDelightIsHappy() throws {
        let timeline = try finishedTimeline("wait-or-chase")
        let svg = RunPicture(timeline: timeline).svg()
        #expect(svg.contains("R looks around the room"))
        #expect(svg.contains("+ happy (delighted)"))
        #expect(RunPicture.affectCategory(.interested) == RunPicture.affectCategory(.neutral))
        #expect(RunPicture.gazeCategory(.away, behavior: .exploring) != RunPicture.gazeCategory(.away, behavior: .lookingAway))
        let explored = (0..<timeline.recordedSteps).contains { timeline.sample(step: $0, dyad: 0).behavior == .exploring }
        #expect(explored)
        #expect(svg.contains("fill=\"url(#fill-gaze-3)\"><title>looks around the room</title>"))
        // The web page gives every name whole.
        let page = RunPicture(timeline: timeline).html()
        #expect(page.contains(". calm (interested, neutral)") && page.contains("! upset (fussy, distressed, protesting)"))
    }

    @Test func theHTMLPageEmbedsThePictureTheFiguresTableAndTheLegend() throws {
        let timeline = try finishedTimeline("wait-or-chase")
        let page = RunPicture(timeline: timeline).html()
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(page.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(!page.contains("<?xml"))
        let report = DebriefReport(timeline: timeline)
        for row in report.figureRows {
            #expect(page.contains("<tr><th scope=\"row\">\(row.label.replacingOccurrences(of: ">", with: "&gt;"))</th>"))
        }
        #expect(page.contains("<h2>How to read it</h2>"))
        let table = try #require(page.range(of: "<table>")).lowerBound
        let end = try #require(page.range(of: "</table>")).upperBound
        _ = parseXML(String(page[table..<end]))
    }

    @Test func theReplayKeepsEveryPathWithTheDebriefsFigures() throws {
        let (paths, branches) = try twoPathSession()
        #expect(paths.count == 2)
        #expect(branches.count == 1)
        #expect(DecisionBranch(timeline: paths[0]) == branches[0])
        #expect(paths[0].now.decisions.choiceLabels == ["lean in"])
        #expect(paths[1].now.decisions.choiceLabels == ["wait"])
    }

    @Test func eachPathIsARowBesideThePathsTable() throws {
        let (paths, _) = try twoPathSession()
        let picture = RunPicture(paths: paths)
        let svg = picture.svg()
        let xml = parseXML(svg)
        #expect(xml.ids["dyad-0"] != nil && xml.ids["dyad-1"] != nil && xml.ids["dyad-2"] == nil)
        #expect(xml.ids["arousal-1"] != nil && xml.ids["actions-1"] != nil)
        #expect(xml.text.contains("Path 1: lean in") && xml.text.contains("Path 2: wait"))
        #expect(xml.text.contains("The paths you tried"))
        // The table holds the debrief's figures, path by path.
        let report = DebriefReport(timeline: paths[1], branches: paths.map { DecisionBranch(timeline: $0) })
        #expect(report.branchTables.count == 1)
        for row in report.branchFigureRows(dyad: 0) {
            let line = picture.table.rows.first { $0.label == row.label }
            #expect(line?.values == row.values, "\(row.label)")
            #expect(xml.text.contains(row.label))
        }
        #expect(picture.table.columns == ["path 1", "path 2"])
        // Both paths on one time axis: the leaning-in path's row shows her leaning in.
        #expect(svg.contains("<title>leans in</title>"))
        let page = picture.html()
        #expect(page.contains("<caption>The paths you tried</caption>"))
        #expect(page.contains("<th scope=\"col\">path 1: lean in</th><th scope=\"col\">path 2: wait</th>"))
        for row in report.branchFigureRows(dyad: 0) {
            let cells = row.values.map { "<td>\($0)</td>" }.joined()
            #expect(page.contains("<th scope=\"row\">\(row.label.replacingOccurrences(of: ">", with: "&gt;"))</th>\(cells)"))
        }
    }

    @Test func moreThanFourPathsDrawTheFirstFourAndSaySo() throws {
        let (paths, _) = try twoPathSession()
        let picture = RunPicture(paths: [paths[0], paths[1], paths[0], paths[1], paths[1]])
        #expect(picture.rows.count == 4)
        #expect(picture.subtitle.hasPrefix("4 of the 5 paths tried"))
        // Four rows leave room for the gaze track alone, and the legend says only what is drawn.
        let xml = parseXML(picture.svg())
        #expect(xml.ids["gaze-3"] != nil && xml.ids["affect-3"] == nil && xml.ids["actions-0"] == nil)
        #expect(xml.text.contains("it looks:") && !xml.text.contains("she does:"))
        #expect(picture.html().contains("path 5: wait"))
    }
}

@Suite("Answering a scenario's questions ahead of time")
struct AnsweredRunTests {
    @Test func keysAreReadInOrderAndCapitalsAreAccepted() throws {
        let scenario = try readyScenario("workshop-still-face")
        let answered = try AnsweredRun(scenario: scenario, keys: ["g", "E", "w"])
        #expect(answered.choices == [0, 1, 0])
        #expect(answered.labels == ["gently", "end it and soothe", "warmly, at the baby's pace"])
    }

    @Test func aWrongKeyNamesTheQuestionAndItsKeys() throws {
        let scenario = try readyScenario("workshop-still-face")
        func problem(_ scenario: Scenario, _ keys: [String]) -> String? {
            do {
                _ = try AnsweredRun(scenario: scenario, keys: keys)
                return nil
            } catch {
                return error.description
            }
        }
        #expect(
            problem(scenario, ["g", "x"])
                == "--answer x does not answer question 2 (\"Her face has been still for 45 seconds, and the baby has been asking her to come back. What now?\"); its keys are k (keep the still face) or e (end it and soothe)."
        )
        #expect(
            problem(scenario, ["g", "k", "w", "w"])
                == "--answer was given 4 times, but this scenario asks 3 questions; give one --answer per question, in order.")
        #expect(
            problem(try readyScenario("scene-a-waits"), ["w"])
                == "this scenario asks no questions, so there is nothing for --answer to answer.")
        #expect(problem(scenario, ["gg"])?.hasPrefix("--answer gg does not answer question 1") == true)
        #expect(problem(scenario, [""])?.hasPrefix("an empty --answer does not answer question 1") == true)
        #expect(problem(scenario, ["g", "k"]) == nil)
    }

    @Test func theRunIsTheOneTheLiveScreenGivesForTheSameAnswers() throws {
        let scenario = try readyScenario("workshop-wait-or-lean-in")
        let (timeline, unasked) = try AnsweredRun(scenario: scenario, keys: ["i"]).play(seed: scenario.seed)
        #expect(unasked.isEmpty)
        #expect(timeline.isFinished)
        #expect(timeline.now.decisions.choiceLabels == ["lean in"])
        // The live screen, answering the moment the question is asked.
        var app = AppState(run: scenario, size: Size(width: 120, height: 40))
        app.playUntilAsked()
        app.type("i")
        var left = 2000
        while app.session?.timeline.isFinished == false && left > 0 {
            app.update(.tick(seconds: 0.1))
            left -= 1
        }
        let live = try #require(app.session?.timeline)
        #expect(live.recordedSteps == timeline.recordedSteps)
        #expect((0..<timeline.recordedSteps).allSatisfy { live.sample(step: $0, dyad: 0) == timeline.sample(step: $0, dyad: 0) })
        // Without answers, no question is answered.
        let plain = try AnsweredRun(scenario: scenario, keys: []).play(seed: scenario.seed).timeline
        #expect(plain.now.decisions.choiceLabels.isEmpty)
    }
}
