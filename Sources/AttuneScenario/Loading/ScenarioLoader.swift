import Foundation
import Yams

/// Reads scenario files: from a path, from text, or by a ready scenario's
/// name. Every problem in a file is reported at once, each with its line and
/// column (see ``ScenarioErrors``).
public enum ScenarioLoader {
    /// Loads the scenario file at `path`.
    ///
    /// - Parameters:
    ///   - path: a file path, absolute or relative to the working directory.
    ///   - overrides: `--set` overrides, `PATH=VALUE` each
    ///     (`infant.age_months=8`, `dyads.0.caregiver.patience=2s`), applied
    ///     in order before the file is checked.
    /// - Throws: ``ScenarioErrors`` listing every problem found.
    public static func load(path: String, overrides: [String] = []) throws(ScenarioErrors) -> Scenario {
        try load(path: path, displayName: path, overrides: overrides)
    }

    /// Loads a scenario from YAML text.
    ///
    /// - Parameters:
    ///   - yaml: the text of a scenario file.
    ///   - name: the scenario's name (a file name without `.yaml`); problems
    ///     are reported in `NAME.yaml`.
    ///   - overrides: `--set` overrides, as for ``load(path:overrides:)``.
    /// - Throws: ``ScenarioErrors`` listing every problem found.
    public static func load(yaml: String, name: String, overrides: [String] = []) throws(ScenarioErrors) -> Scenario {
        try load(text: yaml, name: name, file: "\(name).yaml", sourcePath: nil, overrides: overrides)
    }

    /// Loads a ready scenario by name (`still-face`), or any scenario file
    /// by path (`my-scenes/peekaboo.yaml`).
    ///
    /// A text with a `/`, or ending in `.yaml` or `.yml`, is a path; a ready
    /// file's name given as `still-face.yaml` is found too when there is no
    /// such file in the working directory.
    /// - Throws: ``ScenarioErrors``; an unknown name gets a "did you mean"
    ///   and the list of ready scenarios.
    public static func resolve(_ nameOrPath: String, overrides: [String] = []) throws(ScenarioErrors) -> Scenario {
        let fileManager = FileManager.default
        let looksLikePath = nameOrPath.contains("/") || nameOrPath.hasSuffix(".yaml") || nameOrPath.hasSuffix(".yml")
        let readyNames = ReadyScenarios.names
        if looksLikePath {
            if !nameOrPath.contains("/"), !fileManager.fileExists(atPath: nameOrPath) {
                let stem = (nameOrPath as NSString).deletingPathExtension
                if readyNames.contains(stem) { return try loadReady(stem, overrides: overrides) }
            }
            return try load(path: nameOrPath, overrides: overrides)
        }
        if readyNames.contains(nameOrPath) { return try loadReady(nameOrPath, overrides: overrides) }
        if fileManager.fileExists(atPath: nameOrPath) { return try load(path: nameOrPath, overrides: overrides) }
        let shown = MessageText.echo(nameOrPath)
        var message = "there is no ready scenario called \"\(shown)\"."
        if let close = Suggestions.closest(to: nameOrPath, in: readyNames) {
            message = "there is no ready scenario called \"\(shown)\"; did you mean \"\(MessageText.echo(close))\"?"
        }
        message += " The ready scenarios are \(Suggestions.list(readyNames)); to open your own file, give its path, like my-scene.yaml"
        throw ScenarioErrors(ScenarioError(file: nameOrPath, message: message))
    }

    // MARK: - Internals

    static func loadReady(_ name: String, overrides: [String]) throws(ScenarioErrors) -> Scenario {
        let path = (ReadyScenarios.directory as NSString).appendingPathComponent("\(name).yaml")
        return try load(path: path, displayName: "\(name).yaml", overrides: overrides)
    }

    static func load(path: String, displayName: String, overrides: [String]) throws(ScenarioErrors) -> Scenario {
        let text = try readFile(path, displayName: displayName)
        var name = (path as NSString).lastPathComponent
        for suffix in [".yaml", ".yml"] where name.hasSuffix(suffix) {
            name.removeLast(suffix.count)
        }
        return try load(text: text, name: name, file: displayName, sourcePath: path, overrides: overrides)
    }

    static func readFile(_ path: String, displayName: String) throws(ScenarioErrors) -> String {
        func failure(_ message: String) -> ScenarioErrors {
            ScenarioErrors(ScenarioError(file: displayName, message: message))
        }
        let data: Data
        do {
            data = try RegularFileReader.read(path: path, limit: YAMLReading.maximumBytes)
        } catch {
            switch error {
            case .missing:
                throw failure(
                    "there is no file here; check the name and the folder (the ready scenarios are \(Suggestions.list(ReadyScenarios.names)))"
                )
            case .folder:
                throw failure("this is a folder, not a scenario file; give the path of a .yaml file inside it")
            case let .notRegular(kind):
                throw failure("this is \(kind), not a scenario file; save the scenario as a regular .yaml file and give its path")
            case let .tooLarge(bytes?):
                throw failure(
                    "the file is \(YAMLReading.describeBytes(bytes)); a scenario file can be at most 1 MiB. Is this the right file?")
            case .tooLarge(nil):
                throw failure("the file is more than 1 MiB; a scenario file can be at most 1 MiB. Is this the right file?")
            case let .unreadable(reason):
                throw failure("the file \(reason)")
            }
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw failure("the file is not plain UTF-8 text; save it as UTF-8 (plain text) and try again")
        }
        return text
    }

    static func load(text: String, name: String, file: String, sourcePath: String?, overrides: [String]) throws(ScenarioErrors) -> Scenario
    {
        // The name is shown as a title and written into files, like any
        // scenario text; being one line, it may not hold a tab or line feed.
        if let found = ControlCharacters.first(in: name, allowingTabAndLineFeed: false) {
            throw ScenarioErrors(
                ScenarioError(
                    file: file,
                    message:
                        "the scenario's name \"\(MessageText.echo(name))\" contains \(found.words); a scenario is named after its file, so rename the file using plain printable characters"
                ))
        }
        var root: Node
        switch YAMLReading.parse(text, file: file) {
        case let .success(node): root = node
        case let .failure(errors): throw errors
        }
        var problems = Problems(file: file)
        if case .mapping = root {
            for written in overrides {
                switch Override.parse(written) {
                case let .failure(error):
                    problems.append(error)
                case let .success(override):
                    switch override.apply(to: &root) {
                    case let .success(paths):
                        for path in paths { problems.overridden[path] = override.label }
                    case let .failure(error):
                        problems.append(error)
                    }
                }
            }
        }
        var reader = ScenarioReader(problems: problems)
        let scenario = reader.read(root, name: name, sourcePath: sourcePath, sourceText: text)
        if let scenario, reader.problems.isEmpty { return scenario }
        throw reader.problems.sorted()
    }
}
