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
        var text = ""
        do {
            try write(recording, scenario: scenario) { text += $0 }
        } catch let error as RecordingError {
            throw error
        } catch {
            preconditionFailure("appending to a string does not fail")
        }
        return text
    }

    /// Writes the cast line by line as the recording replays, so that a
    /// long recording never needs its whole cast in memory.
    /// - Parameters:
    ///   - recording: what to play.
    ///   - scenario: the scenario the recording runs.
    ///   - output: takes each line (ending in a newline), in order.
    /// - Throws: ``RecordingError`` when the recording does not replay, or
    ///   what `output` throws.
    public static func write(_ recording: Recording, scenario: Scenario, to output: (String) throws -> Void) throws {
        let size =
            recording.events.lazy.compactMap { event -> Size? in
                if case let .resize(_, size) = event { return size }
                return nil
            }.first ?? AppState.minimumSize
        var replay = Replay(recording: recording, scenario: scenario, size: size)
        try output(
            line([
                "version": 2, "width": size.width, "height": size.height,
                "timestamp": Int(exactly: recording.header.createdSeconds.rounded(.down)) ?? 0,
            ]) + "\n")
        var shown = AppView.render(replay.state)
        var pending = ANSIWriter.text(from: nil, to: shown)
        var pendingTime = 0.0
        var lastWritten = -1.0
        var revision = replay.state.revision
        func flush() throws {
            guard !pending.isEmpty else { return }
            let time = max(pendingTime, lastWritten + 0.000_001)
            let rounded = (time * 1_000_000).rounded() / 1_000_000
            try output(event(rounded, pending) + "\n")
            lastWritten = rounded
            pending = ""
        }
        while !replay.isAtEnd {
            guard let event = try replay.advance() else { break }
            guard replay.state.revision != revision else { continue }
            revision = replay.state.revision
            // The cast keeps the size of the window the session began in.
            let frame = AppView.render(replay.state(drawnAt: size))
            let text = ANSIWriter.text(from: shown, to: frame)
            shown = frame
            guard !text.isEmpty else { continue }
            if event.at > pendingTime + 1e-9 { try flush() }
            if pending.isEmpty { pendingTime = event.at }
            pending += text
        }
        try flush()
    }

    private static func line(_ object: [String: Any]) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }

    private static func event(_ time: Double, _ text: String) -> String {
        let data = try! JSONSerialization.data(withJSONObject: [time, "o", text], options: [.withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }
}
