import AttuneModel
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

@Suite("A run as a picture")
struct RunPictureTests {
    @Test func theSVGIsWellFormedAndHoldsEverySeriesOfEachDyad() throws {
        let picture = RunPicture(timeline: try finishedTimeline("wait-or-chase"))
        let xml = parseXML(picture.svg())
        #expect(xml.names.first == "svg")
        for d in 0..<2 {
            for part in ["dyad", "window", "distress", "arousal", "ruptures", "repairs", "gaze", "affect", "actions"] {
                #expect(xml.ids["\(part)-\(d)"] != nil, "\(part)-\(d)")
            }
        }
        #expect(xml.ids["arousal-0"]?["element"] == "polyline")
        #expect(xml.ids["figures"] != nil && xml.ids["legend"] != nil)
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
        // The first point is the first step's arousal, on a 0...1 axis 230 px high.
        let first = points[0].split(separator: ",").compactMap { Double($0) }
        let expected = 110 + 40 + RunPicture.plotHeight - Double(timeline.sample(step: 0, dyad: 0).arousal) * RunPicture.plotHeight
        #expect(abs(first[1] - expected) < 0.1)
        #expect(first[0] == RunPicture.left)
    }

    @Test func everyRuptureAndRepairIsMarked() throws {
        let timeline = try finishedTimeline("scene-b-chases")
        let picture = RunPicture(timeline: timeline)
        let svg = picture.svg()
        let ruptures = (0..<timeline.recordedSteps).filter { timeline.sample(step: $0, dyad: 0).events.contains(.rupture) }.count
        let repairs = (0..<timeline.recordedSteps).filter { timeline.sample(step: $0, dyad: 0).events.contains(.repair) }.count
        #expect(ruptures > 0)
        #expect(svg.components(separatedBy: "<title>rupture at").count - 1 == ruptures)
        #expect(svg.components(separatedBy: "<title>repair at").count - 1 == repairs)
    }

    @Test func meaningIsNotCarriedByColourAlone() throws {
        let svg = RunPicture(timeline: try finishedTimeline("scene-b-chases")).svg()
        // Each category has a pattern of its own and a letter in the legend.
        for category in RunPicture.actionCategories { #expect(svg.contains("\(category.letter) \(category.name)")) }
        #expect(svg.contains("<pattern id=\"action-4\""))
        #expect(svg.contains("M0,8 L8,0 M0,0 L8,8"), "leaning in is cross-hatched")
        #expect(svg.contains("rupture: out of step for more than 0.5 s"))
        #expect(svg.contains("stroke-dasharray=\"10 6\""), "the distress level is dashed")
    }

    @Test func lookingAroundTheRoomHasItsOwnCategoryAndOnlyDelightIsHappy() throws {
        let timeline = try finishedTimeline("wait-or-chase")
        let svg = RunPicture(timeline: timeline).svg()
        #expect(svg.contains("r looks around the room"))
        #expect(svg.contains("+ happy (delighted)"))
        #expect(svg.contains(". calm (interested, neutral)"))
        #expect(!svg.contains("happy (delighted, interested)"))
        #expect(RunPicture.affectCategory(.interested) == RunPicture.affectCategory(.neutral))
        #expect(RunPicture.gazeCategory(.away, behavior: .exploring) != RunPicture.gazeCategory(.away, behavior: .lookingAway))
        // The baby of this run looks around the room now and then: the track shows it.
        let explored = (0..<timeline.recordedSteps).contains { timeline.sample(step: $0, dyad: 0).behavior == .exploring }
        #expect(explored)
        #expect(svg.contains("fill=\"url(#gaze-3)\"><title>looks around the room</title>"))
    }

    @Test func theHTMLPageEmbedsThePictureAndTheFiguresTable() throws {
        let timeline = try finishedTimeline("wait-or-chase")
        let page = RunPicture(timeline: timeline).html()
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(page.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(!page.contains("<?xml"))
        let report = DebriefReport(timeline: timeline)
        for row in report.figureRows {
            #expect(page.contains("<tr><th scope=\"row\">\(row.label.replacingOccurrences(of: ">", with: "&gt;"))</th>"))
        }
        // The table part is well-formed too.
        let table = try #require(page.range(of: "<table>")).lowerBound
        let end = try #require(page.range(of: "</table>")).upperBound
        _ = parseXML(String(page[table..<end]))
    }

    @Test func aRunWithPathsTriedKeepsTheirFiguresInTheReport() throws {
        var app = try decisionApp()
        app.playUntilAsked()
        app.type("i")
        app.wait(seconds: 10)
        app.type("W")
        app.type("w")
        app.wait(seconds: 10)
        let session = try #require(app.session)
        let picture = RunPicture(timeline: session.timeline, branches: session.branches + [DecisionBranch(timeline: session.timeline)])
        _ = parseXML(picture.svg())
        #expect(picture.report.branches.count == 2)
    }
}
