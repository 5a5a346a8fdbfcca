import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where an output path really leads, decided once before anything is
/// written, so that Attune never replaces what it does not own.
///
/// - A new path or a regular file is written atomically: a temporary file
///   beside it, renamed over it when complete (``replace(path:)``).
/// - A symbolic link is followed to its end; the file there is replaced
///   atomically and the link is left in place.
/// - A character device (a terminal, `/dev/null`, `/dev/full`) or a named
///   pipe (FIFO) is written to directly, never replaced (``stream(path:kind:)``).
/// - A folder, a disk (block device) or a socket is refused with a message
///   that says what to give instead.
public enum OutputTarget: Equatable, Sendable {
    /// Write a temporary file beside `path` and rename it over `path`.
    /// `path` is the end of any chain of links.
    case replace(path: String)
    /// Open `path` and write to it directly: a device or a FIFO, in words
    /// (`"a device"`, `"a named pipe (FIFO)"`).
    case stream(path: String, kind: String)

    /// The most links followed before a chain counts as a loop (as the
    /// system's own limit).
    public static let maximumLinks = 40

    /// Works out where `path` leads.
    /// - Throws: ``AtomicFileError`` naming `path` for an empty name, a
    ///   folder, a disk, a socket, a loop of links, or a folder on the way
    ///   that is missing or is not a folder.
    public static func resolve(_ path: String) throws(AtomicFileError) -> OutputTarget {
        guard !path.isEmpty else {
            throw AtomicFileError(path: path, reason: "the file name is empty; give a file name, like runs.csv.")
        }
        var current = path
        for _ in 0...maximumLinks {
            var info = stat()
            guard lstat(current, &info) == 0 else {
                let code = errno
                if code == ENOENT {
                    try checkFolder(of: current, for: path)
                    return .replace(path: current)
                }
                throw AtomicFileError(path: path, reason: explain(code, folder: folder(of: current)))
            }
            switch info.st_mode & S_IFMT {
            case S_IFLNK:
                guard let text = linkTarget(current) else {
                    return try streamThrough(current, original: path)
                }
                let base = folder(of: current)
                let next = text.hasPrefix("/") ? text : (base == "/" ? "" : base) + "/" + text
                var probe = stat()
                if lstat(next, &probe) != 0 && errno == ENOENT && stat(current, &probe) == 0 {
                    // A link the system resolves by itself (such as
                    // /dev/stdout onto a pipe, `pipe:[1234]`) has no path to
                    // rename onto: write through it.
                    return try streamThrough(current, original: path)
                }
                current = next
            case S_IFREG:
                return .replace(path: current)
            case S_IFCHR:
                return .stream(path: current, kind: "a device")
            case S_IFIFO:
                return .stream(path: current, kind: "a named pipe (FIFO)")
            case S_IFDIR:
                throw AtomicFileError(
                    path: path, reason: "it is a folder; give the name of a file inside it, like \(joined(path, "runs.csv")).")
            case S_IFBLK:
                throw AtomicFileError(
                    path: path,
                    reason: "it is a disk (a block device), and writing there would destroy what it holds; give the name of a file.")
            case S_IFSOCK:
                throw AtomicFileError(path: path, reason: "it is a socket, which cannot be written to as a file; give the name of a file.")
            default:
                throw AtomicFileError(path: path, reason: "it is not a file Attune can write to; give the name of a regular file.")
            }
        }
        throw AtomicFileError(path: path, reason: "its links lead round in a loop; give the name of a file.")
    }

    /// What a link that the system resolves by itself leads to.
    private static func streamThrough(_ link: String, original: String) throws(AtomicFileError) -> OutputTarget {
        var info = stat()
        guard stat(link, &info) == 0 else {
            throw AtomicFileError(path: original, reason: explain(errno, folder: folder(of: link)))
        }
        switch info.st_mode & S_IFMT {
        case S_IFDIR:
            throw AtomicFileError(path: original, reason: "it leads to a folder; give the name of a file.")
        case S_IFBLK:
            throw AtomicFileError(
                path: original,
                reason: "it leads to a disk (a block device), and writing there would destroy what it holds; give the name of a file.")
        case S_IFIFO:
            return .stream(path: link, kind: "a pipe")
        case S_IFREG:
            return .stream(path: link, kind: "an open file")
        default:
            return .stream(path: link, kind: "a device")
        }
    }

    /// The text of the link at `path`, or nil when it cannot be read.
    private static func linkTarget(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Throws when the folder a new file would go in is missing or is not
    /// a folder.
    private static func checkFolder(of path: String, for original: String) throws(AtomicFileError) {
        let place = folder(of: path)
        var info = stat()
        guard stat(place, &info) == 0 else {
            throw AtomicFileError(path: original, reason: explain(errno, folder: place))
        }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            throw AtomicFileError(path: original, reason: "\(place) is not a folder.")
        }
    }

    /// The folder part of `path` (`.` for a bare name, `/` at the root).
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let folder = String(path[..<slash])
        return folder.isEmpty ? "/" : folder
    }

    private static func joined(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    /// A system error code in plain words, for a file in `folder`.
    static func explain(_ code: Int32, folder: String, device: Bool = false) -> String {
        switch code {
        case ENOENT:
            var info = stat()
            if stat(folder, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR {
                return
                    "the folder \(folder) does not take new files (it is a system folder); give a path in a folder of your own, like ./out.csv."
            }
            return "the folder \(folder) does not exist."
        case ENOTDIR: return "a part of the path \(folder) is not a folder."
        case EACCES, EPERM: return "permission denied; choose a folder you may write to."
        case ENOSPC: return device ? "No space left on device." : "the disk is full; free some space or choose another disk."
        case EROFS: return "the disk is read-only; choose a folder on another disk."
        case ELOOP: return "its links lead round in a loop; give the name of a file."
        case ENAMETOOLONG: return "the name is too long."
        case ENXIO: return "nothing is reading from it."
        case EPIPE: return "the program reading from it has stopped."
        default: return String(cString: strerror(code)) + "."
        }
    }
}

/// Two paths that name the same file, found before anything is written so
/// that an output never overwrites an input (`attune export a.jsonl --cast
/// a.jsonl`) or another output of the same command.
public enum SameFile {
    /// True when `a` and `b` both exist and are the same file (links
    /// followed).
    public static func isSame(_ a: String, _ b: String) -> Bool {
        var first = stat()
        var second = stat()
        guard !a.isEmpty, !b.isEmpty, stat(a, &first) == 0, stat(b, &second) == 0 else { return false }
        return first.st_dev == second.st_dev && first.st_ino == second.st_ino
    }

    /// Throws when an output is one of the inputs, or two outputs are the
    /// same file.
    /// - Parameters:
    ///   - outputs: the outputs, each with the option that names it
    ///     (`("--cast", "a.cast")`).
    ///   - inputs: the files read, each with what it is (`("the recording",
    ///     "a.jsonl")`).
    /// - Throws: ``AtomicFileError`` naming the output.
    public static func check(outputs: [(option: String, path: String)], inputs: [(what: String, path: String)]) throws(AtomicFileError) {
        for output in outputs {
            for input in inputs where isSame(output.path, input.path) || output.path == input.path {
                throw AtomicFileError(
                    path: output.path,
                    reason:
                        "it is \(input.what) this command reads, and writing there would destroy it; give \(output.option) another file name."
                )
            }
        }
        for (i, output) in outputs.enumerated() {
            for other in outputs[(i + 1)...] where other.path == output.path || isSame(other.path, output.path) {
                throw AtomicFileError(
                    path: other.path, reason: "\(output.option) and \(other.option) name the same file; give each its own file name.")
            }
        }
    }
}
