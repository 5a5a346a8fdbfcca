import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file written a line at a time while something goes on (a live
/// session's recording), so that whatever happens to the program — a
/// hang-up, a second signal, a crash, `kill -9` — what was written before
/// stays on disk.
///
/// Opening works out where the path leads as ``AtomicFile`` does (a link is
/// followed; a device or a named pipe is written to directly; a folder, a
/// disk or a socket is refused). For a file, nothing at the path changes
/// until ``begin(_:)``: the first text goes to a temporary file beside it,
/// which is then renamed over the path, so the path holds the old file or
/// the new journal, never a broken mix. Every ``append(_:)`` is written at
/// once, and flushed to disk at most ``syncIntervalSeconds`` apart, so a
/// power cut loses at most about that much.
public final class JournalFile {
    /// The path, as given.
    public let path: String
    /// Where the path leads.
    public let target: OutputTarget
    /// Seconds between flushes to disk: 1.
    public static let syncIntervalSeconds = 1.0

    private var descriptor: Int32 = -1
    private var temporaryPath: String?
    private var cleanupSlot: Int?
    private var begun = false
    private var closed = false
    private let clock = ContinuousClock()
    private var lastSync: ContinuousClock.Instant

    /// Opens `path`: a temporary file beside a file or new path (nothing
    /// at the path changes yet), or the device or pipe itself (opening a
    /// pipe waits until a program reads from it).
    /// - Throws: ``AtomicFileError`` naming `path`.
    public init(path: String) throws {
        self.path = path
        lastSync = clock.now
        let writer = try AtomicFileWriter(path: path)
        target = writer.target
        // Take over the writer's descriptor and temporary file.
        let taken = writer.handOver()
        descriptor = taken.descriptor
        temporaryPath = taken.temporaryPath
        cleanupSlot = taken.temporaryPath.flatMap { TemporaryFiles.register($0) }
    }

    deinit {
        if !closed {
            if !begun, let temporaryPath { _ = unlink(temporaryPath) }
            if descriptor >= 0 { _ = systemClose(descriptor) }
            if let slot = cleanupSlot { TemporaryFiles.unregister(slot) }
        }
    }

    /// True once ``begin(_:)`` has put the journal at its path.
    public var hasBegun: Bool { begun }

    /// Writes the first text and, for a file, puts the journal at its
    /// path (renaming it over any old file there).
    /// - Throws: ``AtomicFileError``; the path is then left as it was.
    public func begin(_ text: String) throws {
        guard !begun, !closed else { return }
        try writeAll(text)
        if case let .replace(finalPath) = target, let temporaryPath {
            _ = fsync(descriptor)
            guard rename(temporaryPath, finalPath) == 0 else {
                let code = errno
                abandon()
                throw AtomicFileError(path: path, reason: OutputTarget.explain(code, folder: OutputTarget.folder(of: finalPath)))
            }
            self.temporaryPath = nil
            if let slot = cleanupSlot { TemporaryFiles.unregister(slot) }
            cleanupSlot = nil
            syncFolder(of: finalPath)
        }
        begun = true
        lastSync = clock.now
    }

    /// Appends `text` at once, flushing to disk when the last flush is at
    /// least ``syncIntervalSeconds`` old.
    /// - Throws: ``AtomicFileError`` (a full disk, a pipe whose reader
    ///   left); what was written before stays.
    public func append(_ text: String) throws {
        guard begun, !closed else { return }
        try writeAll(text)
        if clock.now - lastSync >= .seconds(Self.syncIntervalSeconds) {
            _ = fsync(descriptor)
            lastSync = clock.now
        }
    }

    /// Flushes to disk and closes.
    /// - Throws: ``AtomicFileError`` when closing fails.
    public func close() throws {
        guard !closed else { return }
        if !begun {
            abandon()
            return
        }
        closed = true
        _ = fsync(descriptor)
        let fd = descriptor
        descriptor = -1
        if systemClose(fd) != 0 && errno != EINTR {
            throw AtomicFileError(path: path, reason: OutputTarget.explain(errno, folder: OutputTarget.folder(of: path)))
        }
    }

    /// Gives up before anything was begun: the path is left as it was.
    /// After ``begin(_:)``, closes what was written so far.
    public func abandon() {
        guard !closed else { return }
        closed = true
        if descriptor >= 0 { _ = systemClose(descriptor) }
        descriptor = -1
        if !begun, let temporaryPath { _ = unlink(temporaryPath) }
        temporaryPath = nil
        if let slot = cleanupSlot { TemporaryFiles.unregister(slot) }
        cleanupSlot = nil
    }

    private func writeAll(_ text: String) throws {
        var text = text
        try text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    let code = errno
                    let isStream: Bool
                    if case .stream = target { isStream = true } else { isStream = false }
                    throw AtomicFileError(
                        path: path, reason: OutputTarget.explain(code, folder: OutputTarget.folder(of: path), device: isStream))
                }
                offset += n
            }
        }
    }

    private func syncFolder(of path: String) {
        let folder = open(OutputTarget.folder(of: path), O_RDONLY | O_CLOEXEC)
        if folder >= 0 {
            _ = fsync(folder)
            _ = systemClose(folder)
        }
    }
}
