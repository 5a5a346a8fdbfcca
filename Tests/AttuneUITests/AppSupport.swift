import AttuneModel
import AttuneScenario
import Testing

@testable import AttuneUI

/// A ready scenario by name (from the repository's Scenarios/ folder).
func readyScenario(_ name: String) throws -> Scenario {
    try ScenarioLoader.resolve(name)
}

/// An app opened straight on a run of a ready scenario.
func liveApp(
    _ name: String = "wait-or-chase", width: Int = 120, height: Int = 40, ascii: Bool = false, paused: Bool = false,
    seed: UInt64? = nil
) throws -> AppState {
    AppState(run: try readyScenario(name), size: Size(width: width, height: height), ascii: ascii, seed: seed, paused: paused)
}

extension AppState {
    /// Sends keys, one after the other.
    mutating func press(_ keys: Key...) {
        for key in keys { update(.key(key)) }
    }

    /// Sends a character key.
    mutating func type(_ characters: String) {
        for character in characters { update(.key(.character(character))) }
    }

    /// Lets `seconds` of wall-clock time pass in ticks of 0.1 s.
    mutating func wait(seconds: Double) {
        var left = seconds
        while left > 1e-9 {
            update(.tick(seconds: min(0.1, left)))
            left -= 0.1
        }
    }

    /// The current step of the run (0 when there is none).
    var cursor: Int { session?.timeline.cursor ?? 0 }

    /// The rendered screen as lines of text.
    var screenLines: [String] { AppView.render(self).lines }

    /// The rendered screen as one string.
    var screenText: String { screenLines.joined(separator: "\n") }
}

/// True when no byte of `text` is above 0x7F.
func isASCII(_ text: String) -> Bool {
    !text.utf8.contains(where: { $0 > 0x7F })
}

/// The arousal, gaze and action of every dyad at every recorded step, for
/// comparing two runs exactly.
func history(_ state: AppState) -> [DyadSample] {
    guard let timeline = state.session?.timeline else { return [] }
    return Array(timeline.samples.prefix(timeline.cursor * timeline.dyadCount))
}
