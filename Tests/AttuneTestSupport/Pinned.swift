import Foundation

/// Outputs pinned to files under `Tests/Pinned/`, so that any change to what
/// a user sees — a CSV column, a chart's SVG, a frame of the live screen —
/// shows up as a failing test and, once meant, as a reviewable diff.
///
/// A test renders an output and asks ``difference(_:pinned:)`` whether it is
/// byte for byte the pinned file. To accept an intended change, run the
/// tests with `ATTUNE_REPIN=1` (for example
/// `ATTUNE_REPIN=1 swift test --filter Pinned`): every pinned file is then
/// rewritten from what the code produces now, and `git diff Tests/Pinned`
/// shows exactly what changed.
public enum Pinned {
    /// The folder of pinned files: `Tests/Pinned` in the package.
    public static let folder: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Pinned")

    /// True when the pinned files are to be rewritten (`ATTUNE_REPIN=1`).
    public static var rewriting: Bool { ProcessInfo.processInfo.environment["ATTUNE_REPIN"] == "1" }

    /// Nil when `actual` is exactly the pinned file `name`; otherwise where
    /// they first differ, in words (the line number and both lines). With
    /// `ATTUNE_REPIN=1` the file is rewritten and the result is nil.
    public static func difference(_ actual: String, pinned name: String) -> String? {
        let url = folder.appendingPathComponent(name)
        if rewriting {
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            do {
                try Data(actual.utf8).write(to: url, options: .atomic)
                return nil
            } catch {
                return "could not rewrite \(url.path): \(error)"
            }
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return "there is no pinned file \(name); run the tests with ATTUNE_REPIN=1 to write it"
        }
        let expected = String(decoding: data, as: UTF8.self)
        guard expected != actual else { return nil }
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(a.count, e.count) {
            let now = index < a.count ? String(a[index]) : "(no line)"
            let was = index < e.count ? String(e[index]) : "(no line)"
            if now != was {
                return
                    "\(name) differs at line \(index + 1) (of \(e.count) pinned, \(a.count) now):\n  pinned: \(was.prefix(300))\n  now:    \(now.prefix(300))\nIf the change is meant, run the tests with ATTUNE_REPIN=1 and review git diff Tests/Pinned."
            }
        }
        return "\(name) differs (line ends or a final newline)"
    }
}
