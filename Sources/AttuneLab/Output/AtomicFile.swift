import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why an output file could not be written; names the file.
public struct AtomicFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file that was to be written, as given.
    public let path: String
    /// What went wrong, in plain words.
    public let reason: String

    public var description: String {
        path.isEmpty ? "Could not write the output: \(reason)" : "Could not write \(path): \(reason)"
    }
}

/// Writes a file all at once or not at all, and never replaces what is not
/// a file.
///
/// Where the path leads is worked out first (``OutputTarget``). For a new
/// path or a regular file (at the end of any links), the bytes go to a
/// temporary file in the same folder (`.NAME.tmp-PID-N`), which is flushed
/// to disk and then renamed over the target: readers see the old file or
/// the new one, never half of one, and a link stays a link. If anything
/// fails, the temporary file is removed, the target is left as it was, and
/// the error names the target. While a write is open, an interrupt (SIGINT,
/// SIGTERM, SIGHUP, SIGQUIT) removes the temporary file before the program
/// ends. A device (`/dev/null`, a terminal) or a named pipe is written to
/// directly instead, and a folder, a disk or a socket is refused.
public enum AtomicFile {
    /// Writes `data` to `path` atomically.
    /// - Throws: ``AtomicFileError`` naming `path`.
    public static func write(_ data: Data, to path: String) throws {
        try write(to: path) { writer in try writer.write(data) }
    }

    /// Opens `path` for an atomic write, lets `body` write to it, and
    /// commits when `body` returns; if `body` throws, nothing is written and
    /// its error is rethrown.
    public static func write(to path: String, _ body: (AtomicFileWriter) throws -> Void) throws {
        let writer = try AtomicFileWriter(path: path)
        do {
            try body(writer)
            try writer.commit()
        } catch {
            writer.abandon()
            throw error
        }
    }
}

/// An atomic write in progress: bytes go to a temporary file until
/// ``commit()`` renames it over the target; ``abandon()`` (or dropping the
/// writer uncommitted) removes it. Onto a device or a named pipe the bytes
/// go straight through (see ``OutputTarget``).
public final class AtomicFileWriter {
    /// The file being written, as given.
    public let path: String
    /// Where the path leads.
    public let target: OutputTarget
    /// The temporary file, in the target's folder; nil when writing
    /// straight to a device or a pipe.
    public let temporaryPath: String?
    private var descriptor: Int32
    private var cleanupSlot: Int?
    private var isOpen = true

    /// Works out where `path` leads and opens it: a temporary file next to
    /// a regular file or a new path, or the device or pipe itself (opening
    /// a pipe waits until a program reads from it).
    /// - Throws: ``AtomicFileError`` naming `path` (missing folder, no
    ///   permission, a folder or a disk in the way...).
    public init(path: String) throws {
        self.path = path
        target = try OutputTarget.resolve(path)
        switch target {
        case let .stream(streamPath, _):
            var fd: Int32
            repeat {
                fd = open(streamPath, O_WRONLY | O_NOCTTY | O_CLOEXEC)
            } while fd < 0 && errno == EINTR
            guard fd >= 0 else {
                let code = errno
                throw AtomicFileError(
                    path: path, reason: OutputTarget.explain(code, folder: OutputTarget.folder(of: streamPath), device: true))
            }
            descriptor = fd
            temporaryPath = nil
        case let .replace(finalPath):
            let folder = OutputTarget.folder(of: finalPath)
            let name = String(finalPath.split(separator: "/", omittingEmptySubsequences: false).last ?? "")
            guard !name.isEmpty, name != ".", name != ".." else {
                throw AtomicFileError(path: path, reason: "it names a folder; give the name of a file inside it, like runs.csv.")
            }
            var attempt = 0
            var fd: Int32 = -1
            var candidate = ""
            repeat {
                attempt += 1
                candidate =
                    (folder == "." && !finalPath.hasPrefix("./") ? "" : folder == "/" ? "/" : folder + "/")
                    + ".\(name).tmp-\(getpid())-\(Self.nextSerial())"
                fd = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            } while fd < 0 && (errno == EEXIST || errno == EINTR) && attempt < 100
            guard fd >= 0 else {
                let code = errno
                throw AtomicFileError(path: path, reason: OutputTarget.explain(code, folder: folder))
            }
            // Keep the permissions of a file being replaced.
            var existing = stat()
            if stat(finalPath, &existing) == 0 && (existing.st_mode & S_IFMT) == S_IFREG {
                _ = fchmod(fd, existing.st_mode & 0o7777)
            }
            descriptor = fd
            temporaryPath = candidate
            cleanupSlot = TemporaryFiles.register(candidate)
        }
    }

    deinit { abandon() }

    /// True when the bytes go straight to a device or a pipe.
    public var isStream: Bool {
        if case .stream = target { return true }
        return false
    }

    /// Appends `data`.
    public func write(_ data: Data) throws {
        try data.withUnsafeBytes { try write(raw: $0) }
    }

    /// Appends `bytes`.
    public func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write(raw: $0) }
    }

    /// Appends `text` as UTF-8.
    public func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { try write(raw: UnsafeRawBufferPointer($0)) }
    }

    /// Appends raw bytes, retrying short writes and interruptions.
    public func write(raw: UnsafeRawBufferPointer) throws {
        guard isOpen else { throw AtomicFileError(path: path, reason: "the file was already closed.") }
        var offset = 0
        while offset < raw.count {
            let n = systemWrite(descriptor, raw.baseAddress! + offset, raw.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                let code = errno
                abandon()
                throw failure(code)
            }
            offset += n
        }
    }

    /// Flushes the bytes to disk and renames the temporary file over the
    /// target (for a device or a pipe: closes it).
    /// - Throws: ``AtomicFileError``; the target is then untouched and the
    ///   temporary file removed.
    public func commit() throws {
        guard isOpen else { throw AtomicFileError(path: path, reason: "the file was already closed.") }
        guard case let .replace(finalPath) = target, let temporaryPath else {
            isOpen = false
            let fd = descriptor
            descriptor = -1
            if systemClose(fd) != 0 && errno != EINTR { throw failure(errno) }
            return
        }
        if fsync(descriptor) != 0 && errno != EINVAL {
            let code = errno
            abandon()
            throw failure(code)
        }
        if systemClose(descriptor) != 0 {
            let code = errno
            descriptor = -1
            abandon()
            throw failure(code)
        }
        descriptor = -1
        if rename(temporaryPath, finalPath) != 0 {
            let code = errno
            abandon()
            let reason =
                code == EISDIR || code == ENOTEMPTY || code == EEXIST
                ? "it is a folder; give the name of a file inside it."
                : OutputTarget.explain(code, folder: OutputTarget.folder(of: finalPath))
            throw AtomicFileError(path: path, reason: reason)
        }
        isOpen = false
        release()
        // Make the rename itself durable.
        let folderDescriptor = open(OutputTarget.folder(of: finalPath), O_RDONLY | O_CLOEXEC)
        if folderDescriptor >= 0 {
            _ = fsync(folderDescriptor)
            _ = systemClose(folderDescriptor)
        }
    }

    /// Gives up: closes and removes the temporary file; the target is left
    /// as it was (a device or a pipe keeps what was already written to it).
    /// Safe to call more than once.
    public func abandon() {
        guard isOpen else { return }
        isOpen = false
        if descriptor >= 0 { _ = systemClose(descriptor) }
        descriptor = -1
        if let temporaryPath { _ = unlink(temporaryPath) }
        release()
    }

    /// Hands the open descriptor and the temporary file (nil for a device
    /// or a pipe) to another owner: this writer then neither writes, nor
    /// commits, nor removes anything.
    func handOver() -> (descriptor: Int32, temporaryPath: String?) {
        let taken = (descriptor: descriptor, temporaryPath: temporaryPath)
        isOpen = false
        descriptor = -1
        release()
        return taken
    }

    private func failure(_ code: Int32) -> AtomicFileError {
        let place: String
        switch target {
        case let .replace(finalPath): place = finalPath
        case let .stream(streamPath, _): place = streamPath
        }
        return AtomicFileError(path: path, reason: OutputTarget.explain(code, folder: OutputTarget.folder(of: place), device: isStream))
    }

    private func release() {
        if let slot = cleanupSlot { TemporaryFiles.unregister(slot) }
        cleanupSlot = nil
    }

    private static let serial = SerialCounter()
    private static func nextSerial() -> Int { serial.next() }
}

/// A thread-safe counter for temporary file names.
private final class SerialCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func next() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}
