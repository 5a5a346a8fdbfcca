import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where streamed text goes: standard output, or a file written atomically.
///
/// Text is buffered (64 KiB) and written in large pieces. For a file,
/// nothing appears at the path until ``finish()``; ``abandon()`` leaves the
/// path as it was.
public final class TextOutput {
    private enum Destination {
        case descriptor(Int32)
        case file(AtomicFileWriter)
    }

    private let destination: Destination
    private var buffer: [UInt8] = []
    private static let bufferSize = 1 << 16

    private init(_ destination: Destination) {
        self.destination = destination
        buffer.reserveCapacity(Self.bufferSize)
    }

    /// Text to standard output.
    public static func standardOutput() -> TextOutput { TextOutput(.descriptor(1)) }

    /// Text to `path`, written atomically.
    /// - Throws: ``AtomicFileError`` naming `path`.
    public static func file(_ path: String) throws -> TextOutput {
        TextOutput(.file(try AtomicFileWriter(path: path)))
    }

    /// Appends `text`.
    public func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.bufferSize { try flush() }
    }

    /// Writes out what is buffered and, for a file, commits it.
    public func finish() throws {
        try flush()
        if case .file(let writer) = destination { try writer.commit() }
    }

    /// Drops what is buffered; for a file, removes the temporary file.
    public func abandon() {
        buffer.removeAll()
        if case .file(let writer) = destination { writer.abandon() }
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        defer { buffer.removeAll(keepingCapacity: true) }
        switch destination {
        case .file(let writer):
            try buffer.withUnsafeBytes { try writer.write(raw: $0) }
        case .descriptor(let fd):
            try buffer.withUnsafeBytes { raw in
                var offset = 0
                while offset < raw.count {
                    #if canImport(Darwin)
                        let n = Darwin.write(fd, raw.baseAddress! + offset, raw.count - offset)
                    #elseif canImport(Musl)
                        let n = Musl.write(fd, raw.baseAddress! + offset, raw.count - offset)
                    #else
                        let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                    #endif
                    if n < 0 {
                        if errno == EINTR { continue }
                        throw AtomicFileError(path: "standard output", reason: String(cString: strerror(errno)) + ".")
                    }
                    offset += n
                }
            }
        }
    }
}

extension TextOutput {
    /// Streams a table: `rows` calls its argument once per row.
    /// - Parameters:
    ///   - format: CSV or JSON.
    ///   - columns: the column names.
    ///   - rows: produces the rows, in order, by calling the function it is
    ///     given.
    public func writeTable(
        format: RowFormat, columns: [String], rows: (_ emit: ([Field]) throws -> Void) throws -> Void
    ) throws {
        var writer = format.makeWriter()
        try write(writer.begin(columns: columns))
        try rows { cells in try write(writer.row(cells)) }
        try write(writer.end())
    }
}
