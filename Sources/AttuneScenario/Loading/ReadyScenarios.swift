import Foundation

/// The scenarios that come with Attune, in the repository's `Scenarios/`
/// folder, in the order the chooser shows them.
public enum ReadyScenarios {
    /// The ready scenarios in chooser order; the side-by-side "wait or
    /// chase?" scene comes first. Any other `.yaml` file in ``directory``
    /// follows these, sorted by name.
    public static let orderedNames = [
        "wait-or-chase",
        "scene-a-waits",
        "scene-b-chases",
        "still-face",
        "good-enough",
        "withdrawn",
        "anxious",
        "history-of-intrusion",
        "workshop-wait-or-lean-in",
        "workshop-still-face",
    ]

    /// The folder holding the ready scenario files: the environment variable
    /// `ATTUNE_SCENARIOS` when it is set and not empty, otherwise the
    /// repository's `Scenarios/` folder, found from this source file's place
    /// so the built program finds it from any working directory.
    public static var directory: String {
        if let folder = ProcessInfo.processInfo.environment["ATTUNE_SCENARIOS"], !folder.isEmpty {
            return folder
        }
        // #filePath is .../Sources/AttuneScenario/Loading/ReadyScenarios.swift.
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return sources.deletingLastPathComponent().appendingPathComponent("Scenarios").path
    }

    /// The names of the ready scenarios (file names without `.yaml`), in
    /// chooser order: ``orderedNames`` first, then any other `.yaml` file in
    /// ``directory``, sorted.
    public static var names: [String] {
        names(in: directory)
    }

    /// ``orderedNames``, then the names of the other `.yaml` files in
    /// `folder`, sorted. Only regular files count (or links to them): a
    /// named pipe, a device or a folder called `x.yaml` is left out, since
    /// reading it could wait forever, and so is a file whose name holds a
    /// control character, since it would be refused.
    static func names(in folder: String) -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        let extra = files.filter { $0.hasSuffix(".yaml") && !$0.hasPrefix(".") }
            .map { String($0.dropLast(".yaml".count)) }
            .filter { !orderedNames.contains($0) }
            .filter { ControlCharacters.first(in: $0, allowingTabAndLineFeed: false) == nil }
            .filter { RegularFileReader.isRegularFile(atPath: (folder as NSString).appendingPathComponent("\($0).yaml")) }
            .sorted()
        return orderedNames + extra
    }

    /// Every ready scenario that loads, in chooser order. Ready scenarios are
    /// tested to load; ``loadEach()`` tells why one does not.
    public static func all() -> [Scenario] {
        loadEach().compactMap { try? $0.result.get() }
    }

    /// Every ready scenario in chooser order, each loaded or with the
    /// problems that stop it loading.
    public static func loadEach() -> [(name: String, result: Result<Scenario, ScenarioErrors>)] {
        names.map { name in
            do throws(ScenarioErrors) {
                return (name, .success(try ScenarioLoader.loadReady(name, overrides: [])))
            } catch {
                return (name, .failure(error))
            }
        }
    }
}
