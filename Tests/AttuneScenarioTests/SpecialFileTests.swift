import Foundation
import Testing

@testable import AttuneScenario

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A value handed from one thread to another.
final class Handover<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value?
    var value: Value? {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}

/// Runs `body` on a thread of its own and waits at most `seconds` for it;
/// `nil` when it has not finished by then (a hang fails the test instead of
/// stopping the suite).
func finishing<Value: Sendable>(within seconds: Double, _ body: @escaping @Sendable () -> Value) -> Value? {
    let result = Handover<Value>()
    let done = DispatchSemaphore(value: 0)
    Thread {
        result.value = body()
        done.signal()
    }.start()
    guard done.wait(timeout: .now() + seconds) == .success else { return nil }
    return result.value
}

/// What loading `path` by ``ScenarioLoader/resolve(_:overrides:)`` says,
/// within a few seconds, or `nil` when it hangs.
func resolving(_ path: String) -> [String]? {
    finishing(within: 5) {
        do throws(ScenarioErrors) {
            _ = try ScenarioLoader.resolve(path)
            return ["loaded"]
        } catch {
            return error.errors.map(\.description)
        }
    }
}

/// A FIFO at `path`, or a test failure.
func makeFIFO(_ path: String, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
    guard mkfifo(path, 0o644) == 0 else {
        Issue.record("mkfifo failed: \(String(cString: strerror(errno)))", sourceLocation: sourceLocation)
        return false
    }
    return true
}

/// Lets a reader blocked opening the FIFO at `path` go on (it then reads
/// nothing); used only after a test has already failed by timing out.
func releaseReader(of path: String) {
    let descriptor = open(path, O_WRONLY | O_NONBLOCK)
    if descriptor >= 0 { close(descriptor) }
}

@Suite("Files that are not regular files")
struct SpecialFileTests {
    static let advice = "not a scenario file; save the scenario as a regular .yaml file and give its path"

    @Test("a named pipe given as a scenario file is refused at once, not waited on")
    func fifo() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("fifo.yaml").path
        guard makeFIFO(path) else { return }
        guard let found = resolving(path) else {
            Issue.record("loading a named pipe did not finish within 5 seconds")
            releaseReader(of: path)
            return
        }
        #expect(found == ["\(path): this is a named pipe (FIFO), \(Self.advice)"])
    }

    @Test("a character device given as a scenario file is refused")
    func characterDevice() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("null.yaml").path
        // A null device made in the test's own folder; without the right to
        // make devices there is nothing to test.
        guard mknod(path, S_IFCHR | 0o666, nullDevice) == 0 else { return }
        guard let found = resolving(path) else {
            Issue.record("loading a character device did not finish within 5 seconds")
            return
        }
        #expect(found == ["\(path): this is a character device, \(Self.advice)"])
    }

    @Test("a socket given as a scenario file is refused")
    func socketFile() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("socket.yaml").path
        guard let descriptor = listeningSocket(at: path) else { return }
        defer { close(descriptor) }
        guard let found = resolving(path) else {
            Issue.record("loading a socket did not finish within 5 seconds")
            return
        }
        #expect(found == ["\(path): this is a socket, \(Self.advice)"])
    }
}

/// The null device's number (what C's makedev(1, 3) gives on Linux, and
/// makedev(3, 2) on macOS), which Swift does not import as a function.
#if canImport(Glibc)
    let nullDevice: dev_t = (3 & 0xff) | ((1 & 0xfff) << 8)
#else
    let nullDevice: dev_t = (3 << 24) | 2
#endif

/// A Unix socket bound at `path`, or `nil` when one can't be made here.
func listeningSocket(at path: String) -> Int32? {
    #if canImport(Glibc)
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
    #else
        let descriptor = socket(AF_UNIX, SOCK_STREAM, 0)
    #endif
    guard descriptor >= 0 else { return nil }
    var address = sockaddr_un()
    address.sun_family = sa_family_t(AF_UNIX)
    let bytes = Array(path.utf8)
    guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else {
        close(descriptor)
        return nil
    }
    withUnsafeMutableBytes(of: &address.sun_path) { raw in
        raw.copyBytes(from: bytes)
    }
    let bound = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
            bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
        }
    }
    guard bound == 0 else {
        close(descriptor)
        return nil
    }
    return descriptor
}

@Suite("Reading a regular file")
struct RegularFileReaderTests {
    /// What reading `path` gives, within a few seconds (`nil` when it hangs).
    func reading(_ path: String, limit: Int) -> Result<Data, RegularFileReader.Failure>? {
        finishing(within: 5) {
            do throws(RegularFileReader.Failure) {
                return .success(try RegularFileReader.read(path: path, limit: limit))
            } catch {
                return .failure(error)
            }
        }
    }

    @Test("a regular file is read whole, up to the limit")
    func regular() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("scene.yaml").path
        let bytes = Data((0..<200_000).map { UInt8($0 % 251) })
        try bytes.write(to: URL(fileURLWithPath: path))
        #expect(reading(path, limit: 200_000) == .success(bytes))
        #expect(reading(path, limit: 199_999) == .failure(.tooLarge(bytes: 200_000)))
        let link = folder.appendingPathComponent("link.yaml").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: path)
        #expect(reading(link, limit: 1 << 20) == .success(bytes))
    }

    @Test("missing files, folders and special files are refused, each in its own words")
    func refused() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("file.yaml").path
        try minimalYAML.write(toFile: file, atomically: true, encoding: .utf8)
        let fifo = folder.appendingPathComponent("fifo.yaml").path
        guard makeFIFO(fifo) else { return }
        #expect(reading(folder.appendingPathComponent("none.yaml").path, limit: 100) == .failure(.missing))
        #expect(reading(file + "/inside.yaml", limit: 100) == .failure(.missing))
        #expect(reading(folder.path, limit: 100) == .failure(.folder))
        let fifoResult = reading(fifo, limit: 100)
        if fifoResult == nil { releaseReader(of: fifo) }
        #expect(fifoResult == .failure(.notRegular(kind: "a named pipe (FIFO)")))
        let device = folder.appendingPathComponent("null.yaml").path
        if mknod(device, S_IFCHR | 0o666, nullDevice) == 0 {
            #expect(reading(device, limit: 100) == .failure(.notRegular(kind: "a character device")))
        }
    }

    @Test("each failure has plain words of its own")
    func descriptions() {
        #expect(RegularFileReader.Failure.missing.description == "there is no file here")
        #expect(RegularFileReader.Failure.folder.description == "this is a folder, not a file")
        #expect(RegularFileReader.Failure.notRegular(kind: "a socket").description == "this is a socket, not a regular file")
        #expect(RegularFileReader.Failure.tooLarge(bytes: 3 << 20).description == "the file is 3 MiB, too large to read")
        #expect(RegularFileReader.Failure.tooLarge(bytes: nil).description == "the file is too large to read")
        #expect(
            RegularFileReader.Failure.unreadable("can't be opened; check that you are allowed to read it").description
                == "the file can't be opened; check that you are allowed to read it")
    }
}
