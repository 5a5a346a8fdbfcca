import Foundation
import Testing

@testable import AttuneScenario

/// A small valid scenario; tests change one thing at a time.
let minimalYAML = """
    title: Test
    dyads:
      - caregiver: { policy: attuned }
    duration: 60s

    """

/// The problems `load(yaml:)` reports, one description each (and a test
/// failure when it loads).
func problems(
    _ yaml: String, name: String = "test", overrides: [String] = [], sourceLocation: SourceLocation = #_sourceLocation
) -> [String] {
    do {
        _ = try ScenarioLoader.load(yaml: yaml, name: name, overrides: overrides)
        Issue.record("expected the scenario to be refused", sourceLocation: sourceLocation)
        return []
    } catch {
        return error.errors.map(\.description)
    }
}

/// Loads text that must load.
func scenario(
    _ yaml: String, name: String = "test", overrides: [String] = [], sourceLocation: SourceLocation = #_sourceLocation
) throws -> Scenario {
    do {
        return try ScenarioLoader.load(yaml: yaml, name: name, overrides: overrides)
    } catch {
        Issue.record("unexpected problems:\n\(error)", sourceLocation: sourceLocation)
        throw error
    }
}

/// A fresh temporary folder, removed by the caller.
func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("attune-scenario-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
