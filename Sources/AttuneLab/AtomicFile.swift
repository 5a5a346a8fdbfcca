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

    public var description: String { "Could not write \(path): \(reason)" }
}

/// Writes a file all at once or not at all.
///
/// The bytes go to a temporary file in the same folder (`.NAME.tmp-PID-N`),
/// which is flushed to disk and then renamed over the target: readers see
/// the old file or the new one, never half of one. If anything fails, the
/// temporary file is removed, the target is left as it was, and the error
/// names the target. While a write is open, an interrupt (SIGINT, SIGTERM,
/// SIGHUP) removes the temporary file before the program ends.
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
/// writer uncommitted) removes it.
public final class AtomicFileWriter {
    /// The file being written, as given.
    public let path: String
    /// The temporary file, in the same folder.
    public let temporaryPath: String
    private var descriptor: Int32
    private var cleanupSlot: Int?
    private var isOpen = true

    /// Creates the temporary file next to `path`.
    /// - Throws: ``AtomicFileError`` naming `path` (missing folder, no
    ///   permission...).
    public init(path: String) throws {
        self.path = path
        let folder = Self.folder(of: path)
        let name = String(path.split(separator: "/", omittingEmptySubsequences: false).last ?? "")
        guard !name.isEmpty, name != ".", name != ".." else {
            throw AtomicFileError(path: path, reason: "it names a folder, not a file.")
        }
        var attempt = 0
        var fd: Int32 = -1
        var candidate = ""
        repeat {
            attempt += 1
            candidate = (folder == "." && !path.hasPrefix("./") ? "" : folder + "/") + ".\(name).tmp-\(getpid())-\(Self.nextSerial())"
            fd = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        } while fd < 0 && errno == EEXIST && attempt < 100
        guard fd >= 0 else {
            let code = errno
            throw AtomicFileError(path: path, reason: Self.explain(code, folder: folder))
        }
        // Keep the permissions of a file being replaced.
        var existing = stat()
        if stat(path, &existing) == 0 && (existing.st_mode & S_IFMT) == S_IFREG {
            _ = fchmod(fd, existing.st_mode & 0o7777)
        }
        descriptor = fd
        temporaryPath = candidate
        cleanupSlot = TemporaryFiles.register(candidate)
    }

    deinit { abandon() }

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
                throw AtomicFileError(path: path, reason: Self.explain(code, folder: Self.folder(of: path)))
            }
            offset += n
        }
    }

    /// Flushes the bytes to disk and renames the temporary file over the
    /// target.
    /// - Throws: ``AtomicFileError``; the target is then untouched and the
    ///   temporary file removed.
    public func commit() throws {
        guard isOpen else { throw AtomicFileError(path: path, reason: "the file was already closed.") }
        if fsync(descriptor) != 0 && errno != EINVAL {
            let code = errno
            abandon()
            throw AtomicFileError(path: path, reason: Self.explain(code, folder: Self.folder(of: path)))
        }
        if close(descriptor) != 0 {
            let code = errno
            descriptor = -1
            abandon()
            throw AtomicFileError(path: path, reason: Self.explain(code, folder: Self.folder(of: path)))
        }
        descriptor = -1
        if rename(temporaryPath, path) != 0 {
            let code = errno
            abandon()
            let reason = code == EISDIR || code == ENOTEMPTY || code == EEXIST ? "it is a folder." : Self.explain(code, folder: Self.folder(of: path))
            throw AtomicFileError(path: path, reason: reason)
        }
        isOpen = false
        release()
        // Make the rename itself durable.
        let folderDescriptor = open(Self.folder(of: path), O_RDONLY | O_CLOEXEC)
        if folderDescriptor >= 0 {
            _ = fsync(folderDescriptor)
            _ = close(folderDescriptor)
        }
    }

    /// Gives up: closes and removes the temporary file; the target is left
    /// as it was. Safe to call more than once.
    public func abandon() {
        guard isOpen else { return }
        isOpen = false
        if descriptor >= 0 { _ = close(descriptor) }
        descriptor = -1
        _ = unlink(temporaryPath)
        release()
    }

    private func release() {
        if let slot = cleanupSlot { TemporaryFiles.unregister(slot) }
        cleanupSlot = nil
    }

    private static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let folder = String(path[..<slash])
        return folder.isEmpty ? "/" : folder
    }

    private static func explain(_ code: Int32, folder: String) -> String {
        switch code {
        case ENOENT: "the folder \(folder) does not exist."
        case ENOTDIR: "\(folder) is not a folder."
        case EACCES, EPERM: "permission denied."
        case ENOSPC: "the disk is full."
        case EROFS: "the disk is read-only."
        default: String(cString: strerror(code)) + "."
        }
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

/// The system's write(2), named apart from the writer's own `write`.
@inline(__always)
private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
        Glibc.write(fd, buffer, count)
    #elseif canImport(Musl)
        Musl.write(fd, buffer, count)
    #else
        Darwin.write(fd, buffer, count)
    #endif
}
