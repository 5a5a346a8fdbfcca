import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a regular file whole, up to a limit, without ever blocking on a
/// named pipe or a device (temporary: to be replaced by the scenario
/// module's reader).
enum RegularFile {
    enum Failure: Error {
        case missing
        case folder
        case notRegular(kind: String)
        case tooLarge(bytes: Int?)
        case unreadable(String)
    }

    static func read(_ path: String, limit: Int) throws -> Data {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENOENT || errno == ENOTDIR { throw Failure.missing }
            throw Failure.unreadable(String(cString: strerror(errno)))
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw Failure.unreadable(String(cString: strerror(errno))) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw Failure.folder
        case S_IFIFO: throw Failure.notRegular(kind: "a named pipe (FIFO)")
        case S_IFCHR, S_IFBLK: throw Failure.notRegular(kind: "a device")
        case S_IFSOCK: throw Failure.notRegular(kind: "a socket")
        default: throw Failure.notRegular(kind: "not a regular file")
        }
        if Int(info.st_size) > limit { throw Failure.tooLarge(bytes: Int(info.st_size)) }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        var data = Data()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while data.count <= limit {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw Failure.unreadable(String(cString: strerror(errno)))
            }
            if n == 0 { break }
            data.append(contentsOf: chunk[0..<n])
        }
        if data.count > limit { throw Failure.tooLarge(bytes: nil) }
        return data
    }

    static func describeBytes(_ count: Int) -> String {
        if count >= 1 << 20 { return "\(Int((Double(count) / Double(1 << 20)).rounded())) MiB" }
        if count >= 1 << 10 { return "\(count >> 10) KiB" }
        return "\(count) bytes"
    }
}
