import AttuneScenario
import Foundation

/// An asciicast v2 file (the format of asciinema's web player) made by
/// replaying a ``Recording`` headless and writing each new frame, drawn by
/// the same render function as the live screen, as ANSI text.
public enum Asciicast {
    /// The cast: a header line (version 2, width, height, timestamp) and one
    /// `[seconds, "o", text]` line per moment the screen changed, with
    /// strictly increasing times.
    /// - Parameters:
    ///   - recording: what to play.
    ///   - scenario: the scenario the recording runs.
    /// - Throws: ``RecordingError`` when the recording does not replay.
    public static func make(_ recording: Recording, scenario: Scenario) throws(RecordingError) -> String {
        let size = recording.events.lazy.compactMap { event -> Size? in
            if case let .resize(_, size) = event { return size }
            return nil
        }.first ?? AppState.minimumSize
        var replay = Replay(recording: recording, scenario: scenario, size: size)
        var lines = [line(["version": 2, "width": size.width, "height": size.height, "timestamp": Int(recording.header.createdSeconds)])]
        var shown = AppView.render(replay.state)
        var pending = ANSIWriter.text(from: nil, to: shown)
        var pendingTime = 0.0
        var lastWritten = -1.0
        var revision = replay.state.revision
        func flush() {
            guard !pending.isEmpty else { return }
            let time = max(pendingTime, lastWritten + 0.000_001)
            let rounded = (time * 1_000_000).rounded() / 1_000_000
            lines.append(event(rounded, pending))
            lastWritten = rounded
            pending = ""
        }
        while !replay.isAtEnd {
            guard let event = try replay.advance(followSizes: false) else { break }
            guard replay.state.revision != revision else { continue }
            revision = replay.state.revision
            let frame = AppView.render(replay.state)
            let text = ANSIWriter.text(from: shown, to: frame)
            shown = frame
            guard !text.isEmpty else { continue }
            if event.at > pendingTime + 1e-9 { flush() }
            if pending.isEmpty { pendingTime = event.at }
            pending += text
        }
        flush()
        return lines.map { $0 + "\n" }.joined()
    }

    private static func line(_ object: [String: Any]) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }

    private static func event(_ time: Double, _ text: String) -> String {
        let data = try! JSONSerialization.data(withJSONObject: [time, "o", text], options: [.withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }
}
