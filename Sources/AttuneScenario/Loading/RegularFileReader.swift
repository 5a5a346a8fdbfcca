import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a whole file the user named (a scenario, a recording), refusing
/// anything that is not a regular file, and never waiting on one.
///
/// Opening a named pipe (FIFO) for reading waits until something writes to
/// it, and a device or a socket is not a file to read at all. So the path is
/// opened without waiting (`O_NONBLOCK`, and `O_NOCTTY` so a terminal never
/// becomes ours), what was opened is checked with `fstat` (never a separate
/// look at the path, which could change between the look and the open), and
/// only a regular file is read, at most `limit + 1` bytes of it.
public enum RegularFileReader {
    /// Why a file could not be read. Each caller words its own message; the
    /// ``description`` is a plain one for any file.
    public enum Failure: Error, Sendable, Hashable, CustomStringConvertible {
        /// Nothing is at the path (or a folder on the way is missing).
        case missing
        /// The path is a folder.
        case folder
        /// The path is something other than a file or a folder; `kind` says
        /// what, in words that follow "this is": `a named pipe (FIFO)`,
        /// `a character device`, `a block device`, `a socket`.
        case notRegular(kind: String)
        /// The file holds more than the limit: `bytes` is its size when
        /// known beforehand, `nil` when it grew past the limit while read.
        case tooLarge(bytes: Int?)
        /// The file can't be opened or read; the text, in plain words,
        /// follows "the file": `can't be opened; check that you are allowed
        /// to read it`.
        case unreadable(String)

        /// What went wrong, in plain words.
        public var description: String {
            switch self {
            case .missing: "there is no file here"
            case .folder: "this is a folder, not a file"
            case let .notRegular(kind): "this is \(kind), not a regular file"
            case let .tooLarge(bytes?): "the file is \(YAMLReading.describeBytes(bytes)), too large to read"
            case .tooLarge(nil): "the file is too large to read"
            case let .unreadable(reason): "the file \(reason)"
            }
        }
    }

    /// The bytes of the regular file at `path`, at most `limit` of them.
    ///
    /// - Parameters:
    ///   - path: a file path, absolute or relative to the working directory.
    ///   - limit: the most bytes the file may hold.
    /// - Throws: a ``Failure`` saying why there is nothing to read.
    public static func read(path: String, limit: Int) throws(Failure) -> Data {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
        guard descriptor >= 0 else { throw failureToOpen(path, code: errno) }
        defer { close(descriptor) }

        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw .unreadable("can't be read (\(reason(errno)))")
        }
        if let failure = failure(for: status.st_mode) { throw failure }
        if status.st_size > limit { throw .tooLarge(bytes: Int(status.st_size)) }

        // A regular file never makes a read wait; reading as usual from here.
        let flags = fcntl(descriptor, F_GETFL)
        if flags >= 0 { _ = fcntl(descriptor, F_SETFL, flags & ~O_NONBLOCK) }

        var data = Data()
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while data.count <= limit {
            let wanted = min(chunk.count, limit + 1 - data.count)
            let count = chunk.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, wanted) }
            if count < 0 {
                let code = errno
                if code == EINTR { continue }
                throw .unreadable("can't be read (\(reason(code)))")
            }
            if count == 0 { break }
            data.append(contentsOf: chunk[0..<count])
        }
        if data.count > limit { throw .tooLarge(bytes: nil) }
        return data
    }

    /// True when `path` leads (through any symbolic links) to a regular
    /// file. For choosing among files, not for checking one before reading
    /// it: ``read(path:limit:)`` checks what it opened.
    static func isRegularFile(atPath path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && failure(for: status.st_mode) == nil
    }

    // MARK: - Internals

    /// Why a file of this mode is not read, or `nil` for a regular file.
    private static func failure(for mode: mode_t) -> Failure? {
        switch mode & S_IFMT {
        case S_IFREG: nil
        case S_IFDIR: .folder
        case S_IFIFO: .notRegular(kind: "a named pipe (FIFO)")
        case S_IFCHR: .notRegular(kind: "a character device")
        case S_IFBLK: .notRegular(kind: "a block device")
        case S_IFSOCK: .notRegular(kind: "a socket")
        default: .notRegular(kind: "a special file")
        }
    }

    private static func failureToOpen(_ path: String, code: Int32) -> Failure {
        switch code {
        case ENOENT, ENOTDIR:
            return .missing
        case EISDIR:
            return .folder
        case ENXIO:
            // A socket, or a device with nothing behind it: nothing was
            // opened, so the path's own kind is only used to name it.
            var status = stat()
            if stat(path, &status) == 0, case let .notRegular(kind)? = failure(for: status.st_mode) {
                return .notRegular(kind: kind)
            }
            return .notRegular(kind: "a special file")
        case EACCES, EPERM:
            return .unreadable("can't be opened; check that you are allowed to read it")
        default:
            return .unreadable("can't be opened (\(reason(code))); check that you are allowed to read it")
        }
    }

    /// The system's words for an error number: `Input/output error`.
    private static func reason(_ code: Int32) -> String {
        String(cString: strerror(code))
    }

    private static func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
            Glibc.read(descriptor, buffer, count)
        #else
            Darwin.read(descriptor, buffer, count)
        #endif
    }
}
