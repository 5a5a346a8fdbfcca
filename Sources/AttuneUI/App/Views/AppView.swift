import AttuneScenario

/// What the views draw with: the glyph set, and whether text must be
/// plain ASCII.
struct Pen {
    /// The glyph set (``Glyphs/ascii`` with `--ascii`).
    let glyphs: Glyphs
    /// True when nothing above 0x7F may appear on screen.
    let ascii: Bool

    init(ascii: Bool) {
        self.ascii = ascii
        glyphs = ascii ? .ascii : .unicode
    }

    /// `text` as it may appear on screen.
    func text(_ text: String) -> String { ascii ? TextFormatting.ascii(text) : text }

    /// A key hint as it may appear on screen.
    func hint(_ hint: KeyHint) -> KeyHint { KeyHint(key: text(hint.key), label: text(hint.label), isActive: hint.isActive) }
}

/// Draws the app: the pure function from ``AppState`` to a ``Frame``.
public enum AppView {
    /// The frame for `state`, at `state.size`.
    ///
    /// Below ``AppState/minimumSize`` only a centred request for a larger
    /// window is drawn. With `state.ascii` no character above 0x7F appears
    /// anywhere in the frame.
    public static func render(_ state: AppState) -> Frame {
        var frame = Frame(size: state.size)
        let pen = Pen(ascii: state.ascii)
        if state.isTooSmall {
            tooSmall(state, on: &frame, pen: pen)
        } else {
            switch state.screen {
            case .chooser:
                ChooserView.render(state.scenes, on: &frame, pen: pen)
            case var .live(session):
                // Nothing moves while the keys are shown: the header says so.
                if state.isHelpShown { session.isPaused = true }
                if state.presenter {
                    PresenterView.render(session, on: &frame, pen: pen)
                } else {
                    LiveView.render(session, state: state, on: &frame, pen: pen)
                }
                if let panel = session.settings { SettingsView.render(session, panel: panel, on: &frame, pen: pen) }
            case let .debrief(debrief):
                DebriefView.render(debrief, on: &frame, pen: pen)
            case let .room(room):
                RoomView.render(room, on: &frame, pen: pen)
            case let .roomDebrief(debrief):
                RoomDebriefView.render(debrief, on: &frame, pen: pen)
            }
            if state.isHelpShown { help(state, on: &frame, pen: pen) }
            if state.isInfoShown { InfoPage.render(scroll: state.infoScroll, on: &frame, pen: pen) }
        }
        if state.ascii { asciiOnly(&frame) }
        return frame
    }

    static func tooSmall(_ state: AppState, on frame: inout Frame, pen: Pen) {
        let minimum = AppState.minimumSize
        var lines = [
            "This window is too small for Attune.",
            "It is \(state.size.width) x \(state.size.height); Attune needs at least \(minimum.width) x \(minimum.height).",
            "Please make the window larger.",
        ]
        if state.screen.kind == .live || state.screen.kind == .room { lines.append("The run waits until then.") }
        var shown: [String] = []
        for line in lines { shown += TextFormatting.wrap(line, width: max(1, frame.width - 2)) }
        frame.render(CentredMessage(lines: shown, glyphs: pen.glyphs), in: frame.bounds)
    }

    /// The line under the keys: the way on to ``InfoPage``, and back.
    static let helpFooter = "Press i: what am I looking at? Any other key: back."

    static func help(_ state: AppState, on frame: inout Frame, pen: Pen) {
        let hints: [KeyHint]
        let title: String
        switch state.screen.kind {
        case .chooser:
            hints = KeyMap.chooserHelp
            title = "Keys: choosing a scene"
        case .live:
            hints = KeyMap.liveHelp
            title = "Keys: the live screen"
        case .debrief, .roomDebrief:
            hints = KeyMap.debriefHelp
            title = "Keys: what happened"
        case .room:
            let opened = state.room?.lens != nil
            hints = (opened ? RoomKeys.baby : RoomKeys.grid).helpRows + RoomKeys.legend(pen.glyphs)
            title = opened ? "Keys: one baby of the room" : "Keys: a room of babies"
        }
        frame.render(
            HelpOverlay(
                title: title, hints: hints.map { pen.hint($0) }, footer: pen.text(AppView.helpFooter), glyphs: pen.glyphs),
            in: frame.bounds)
    }

    /// Replaces whatever is still above 0x7F with its ASCII stand-in (one
    /// column each), so that an `--ascii` frame is ASCII through and through.
    static func asciiOnly(_ frame: inout Frame) {
        for row in 0..<frame.height {
            for column in 0..<frame.width {
                let cell = frame[column, row]
                if !cell.grapheme.isASCII {
                    let standIn = TextFormatting.asciiStandIn(cell.grapheme)
                    frame[column, row] = Cell(standIn.count == 1 ? standIn.first! : "?", style: cell.style)
                }
            }
        }
    }
}
