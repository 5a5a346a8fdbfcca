import AttuneModel
import Foundation
import Testing

@testable import AttuneUI

@Suite("What am I looking at? (the page behind ? and i)")
struct InfoPageTests {
    static let terms = [
        "arousal", "heart rate", "the window of tolerance", "gaze", "affect", "intensity", "in step", "rupture", "repair", "trust",
    ]

    @Test func questionMarkThenIOpensThePageAndAnyOtherKeyGoesBack() throws {
        var app = try liveApp("scene-a-waits", width: 100, height: 30)
        app.wait(seconds: 2)
        app.type("?")
        #expect(app.screenText.contains("Press i: what am I looking at? Any other key: back."))
        app.type("i")
        #expect(app.isInfoShown && !app.isHelpShown)
        let lines = app.screenLines
        #expect(lines[0].hasPrefix(" Attune · What am I looking at?"))
        #expect(app.screenText.contains("arousal"))
        #expect(lines[29].contains("back"))
        app.type("x")
        #expect(!app.isInfoShown)
        #expect(app.screenText.contains("Scene A"))
    }

    @Test func theRunWaitsWhileThePageIsOpen() throws {
        var app = try liveApp("scene-a-waits", width: 100, height: 30)
        app.wait(seconds: 2)
        app.type("?i")
        let cursor = app.cursor
        app.wait(seconds: 3)
        #expect(app.cursor == cursor)
        #expect(app.wakeDelaySeconds == nil)
        app.press(.escape)
        app.wait(seconds: 1)
        #expect(app.cursor > cursor)
    }

    @Test func everyTermCanBeReachedByScrollingAt80x24() throws {
        var app = try liveApp("scene-a-waits", width: 80, height: 24, paused: true)
        app.type("?i")
        var seen = Set<String>()
        var previous = ""
        for _ in 0..<200 {
            let text = app.screenText
            for line in app.screenLines { seen.insert(line.trimmingCharacters(in: .whitespaces)) }
            if text == previous { break }
            previous = text
            app.press(.down)
        }
        for term in Self.terms { #expect(seen.contains(term), "\(term)") }
        #expect(app.isInfoShown, "scrolling keys keep the page open")
        #expect(app.infoScroll == InfoPage.maximumScroll(size: Size(width: 80, height: 24), ascii: false))
        app.press(.home)
        #expect(app.infoScroll == 0)
    }

    @Test func theLegendHasTheGaugesSymbolsAndTheDistressMark() {
        let text = InfoPage.entries(.unicode).map { $0.symbols + " " + $0.text }.joined(separator: "\n")
        for symbol in ["░", "▓", "●", "!", "○", "◀", "▶", "X", "+", "~", "─", "♥"] {
            #expect(text.contains(symbol), "\(symbol)")
        }
        #expect(text.contains("! marks where distress begins"))
    }

    @Test func eachTermIsExplainedInTwoOrThreeSentences() {
        let entries = InfoPage.entries(.unicode)
        #expect(entries.map(\.term) == Self.terms)
        for entry in entries {
            // Sentences end with a full stop followed by a space or the end.
            let sentences = entry.text.components(separatedBy: ". ").count
            #expect((2...3).contains(sentences), "\(entry.term): \(sentences) sentences")
            #expect(!entry.findings.isEmpty)
        }
    }

    @Test func everyFindingCitedIsInTheModelsTableWithItsSource() throws {
        let model = try String(contentsOf: repositoryRoot.appendingPathComponent("docs/model.md"), encoding: .utf8)
        let rows = model.components(separatedBy: "\n").filter { $0.hasPrefix("| ") }
        for entry in InfoPage.entries(.unicode) {
            for id in entry.findings {
                let row = try #require(rows.first { $0.hasPrefix("| \(id) |") }, "\(entry.term): finding \(id)")
                let source = row.components(separatedBy: "|")[3]
                let authors = entry.sources.components(separatedBy: "; ").map { $0.components(separatedBy: " (")[0] }
                #expect(authors.contains { source.contains($0) }, "\(entry.term): \(id) is from \(source)")
            }
        }
    }

    @Test func anASCIIPageIsASCII() throws {
        var app = try liveApp("scene-a-waits", width: 80, height: 24, ascii: true, paused: true)
        app.type("?i")
        #expect(isASCII(app.screenText))
        #expect(app.screenText.contains("What am I looking at?"))
    }
}

/// The repository's root folder, found from this file.
private let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
