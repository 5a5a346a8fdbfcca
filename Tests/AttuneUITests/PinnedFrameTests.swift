import AttuneModel
import AttuneScenario
import AttuneTestSupport
import Testing

@testable import AttuneUI

/// Whole frames, styles included, as text that reads back: the rows, then
/// every run of cells whose style is not plain, `row:column+length style`.
func pinnedText(_ frame: Frame, caption: String) -> String {
    var out = "=== \(caption) (\(frame.width)×\(frame.height))\n"
    for line in frame.lines { out += line + "\n" }
    out += "--- styles\n"
    for row in 0..<frame.height {
        var runs: [String] = []
        var column = 0
        while column < frame.width {
            let style = frame[column, row].style
            var end = column + 1
            while end < frame.width && frame[end, row].style == style { end += 1 }
            if style != .plain { runs.append("\(column)+\(end - column) \(styleCode(style))") }
            column = end
        }
        if !runs.isEmpty { out += "\(row): " + runs.joined(separator: ", ") + "\n" }
    }
    return out
}

/// A style as a few letters: foreground/background colour, then b(old),
/// d(im), r(everse), u(nderline).
func styleCode(_ style: Style) -> String {
    func name(_ colour: SemanticColour) -> String { "\(colour)" }
    var flags = ""
    if style.bold { flags += "b" }
    if style.dim { flags += "d" }
    if style.reverse { flags += "r" }
    if style.underline { flags += "u" }
    return "\(name(style.foreground))/\(name(style.background))" + (flags.isEmpty ? "" : ":" + flags)
}

/// Scripted sessions of the live app, their frames pinned byte for byte
/// (text and styles) under `Tests/Pinned/`.
@Suite("Pinned frames of the live screen")
struct PinnedFrameTests {
    private func check(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(
            Pinned.difference(text, pinned: name) == nil, "\(Pinned.difference(text, pinned: name) ?? "")", sourceLocation: sourceLocation)
    }

    @Test("wait or chase: watching, pausing, stepping, help, going back, the debrief")
    func waitOrChase() throws {
        var app = try liveApp("wait-or-chase", width: 100, height: 30)
        var text = pinnedText(AppView.render(app), caption: "start")
        app.wait(seconds: 12)
        text += pinnedText(AppView.render(app), caption: "after 12 s")
        app.type(" ")
        app.type("..")
        text += pinnedText(AppView.render(app), caption: "paused, two steps on")
        app.type("?")
        text += pinnedText(AppView.render(app), caption: "help")
        app.type("?")
        app.press(.left)
        text += pinnedText(AppView.render(app), caption: "five seconds back")
        app.type("q")
        text += pinnedText(AppView.render(app), caption: "debrief")
        check(text, "frames-wait-or-chase.txt")
    }

    @Test("the presenter at the workshop's question, and after an answer")
    func presenter() throws {
        var app = AppState(run: try readyScenario("workshop-wait-or-lean-in"), size: Size(width: 100, height: 30), presenter: true)
        app.wait(seconds: 14)
        #expect(app.session?.timeline.openDecision != nil, "the question is up")
        var text = pinnedText(AppView.render(app), caption: "the question")
        app.type("w")
        app.wait(seconds: 6)
        text += pinnedText(AppView.render(app), caption: "after waiting")
        check(text, "frames-presenter.txt")
    }

    @Test("the chooser, the keyboard in the caregiver's place, ASCII and a window too small")
    func chooserHumanASCII() throws {
        var chooser = AppState(chooser: ReadyScenarios.all(), size: Size(width: 90, height: 28))
        var text = pinnedText(AppView.render(chooser), caption: "chooser")
        chooser.press(.down, .down)
        text += pinnedText(AppView.render(chooser), caption: "chooser, third scene")
        var human = try liveApp("scene-a-waits", width: 90, height: 28)
        human.type("h")
        human.wait(seconds: 3)
        human.type("5")
        human.wait(seconds: 2)
        text += pinnedText(AppView.render(human), caption: "human, leaning in")
        var ascii = try liveApp("still-face", width: 80, height: 24, ascii: true)
        ascii.wait(seconds: 130)
        text += pinnedText(AppView.render(ascii), caption: "ASCII, still face")
        ascii.update(.resize(Size(width: 60, height: 20)))
        text += pinnedText(AppView.render(ascii), caption: "too small")
        check(text, "frames-chooser-human-ascii.txt")
    }

    @Test("a room of babies: the still face at 80 x 24 and 100 x 30, one baby opened, two grids in ASCII, the debrief")
    func room() throws {
        var app = try roomApp("still-face", width: 100, height: 30, speed: 32)
        var text = pinnedText(AppView.render(app), caption: "start")
        app.wait(seconds: 5.6)
        app.type(" ")
        text += pinnedText(AppView.render(app), caption: "the still face, paused")
        app.update(.resize(Size(width: 80, height: 24)))
        text += pinnedText(AppView.render(app), caption: "the same moment at 80 x 24")
        app.update(.resize(Size(width: 100, height: 30)))
        app.press(.right, .down, .enter)
        text += pinnedText(AppView.render(app), caption: "baby 7 opened")
        app.press(.escape, .character("q"))
        text += pinnedText(AppView.render(app), caption: "the debrief")
        check(text, "frames-room-still-face.txt")

        var two = try roomApp("wait-or-chase", width: 120, height: 36, ascii: true)
        two.wait(seconds: 30)
        check(pinnedText(AppView.render(two), caption: "two grids in ASCII after 30 s"), "frames-room-wait-or-chase-ascii.txt")
    }
}
