import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What one run of the `attune` binary printed, and how it ended.
struct CommandResult {
    let status: Int32
    let standardOutput: String
    let standardError: String
}

/// Finds and runs the built `attune` executable.
///
/// The binary is looked for next to the test bundle (SwiftPM puts both in
/// `<scratch>/<triple>/<config>/`); `ATTUNE_BINARY` overrides the search. If
/// it is not there, it is built once with `swift build --product attune`
/// into the same scratch folder.
enum AttuneBinary {
    /// The package's root folder (where Package.swift is).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The folder the test bundle was built into.
    static var productsFolder: URL? {
        #if os(Linux)
            if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
                return URL(fileURLWithPath: exe).deletingLastPathComponent()
            }
        #endif
        if let bundle = Bundle.allBundles.first(where: { $0.bundlePath.hasSuffix(".xctest") }) {
            return bundle.bundleURL.deletingLastPathComponent()
        }
        return Bundle.main.bundleURL
    }

    /// The binary's path.
    static let path: String = {
        if let override = ProcessInfo.processInfo.environment["ATTUNE_BINARY"] { return override }
        guard let folder = productsFolder else { fatalError("Cannot tell where the test bundle was built.") }
        let candidate = folder.appendingPathComponent("attune").path
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        // Not built alongside the tests: build it into the same scratch folder
        // (<scratch>/<triple>/<config>).
        let config = folder.lastPathComponent
        let scratch = folder.deletingLastPathComponent().deletingLastPathComponent().path
        let build = Process()
        build.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        build.arguments = ["swift", "build", "--product", "attune", "--scratch-path", scratch, "-c", config]
        build.currentDirectoryURL = packageRoot
        try? build.run()
        build.waitUntilExit()
        return candidate
    }()

    /// Runs `attune` with `arguments` from the package root and waits.
    static func run(_ arguments: [String]) throws -> CommandResult {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("attune-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outURL = folder.appendingPathComponent("stdout")
        let errURL = folder.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.currentDirectoryURL = packageRoot
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = out
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        return CommandResult(
            status: process.terminationStatus,
            standardOutput: try String(contentsOf: outURL, encoding: .utf8),
            standardError: try String(contentsOf: errURL, encoding: .utf8))
    }

    /// A fresh empty folder for a test's files.
    static func makeFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("attune-e2e-files-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// Devices, pipes and sinks made in a folder of the tests' own, so that no
/// test ever writes to a system path such as /dev/null (the tests run as
/// root, where a program that replaced /dev/null would break the machine).
enum Scratch {
    /// A folder for the whole test run's devices.
    static let folder: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("attune-e2e-devices-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    /// A place to send output nobody reads: a null device (character
    /// device 1,3) made in ``folder`` when the tests may make devices, or
    /// else a regular file there.
    static let sink: String = {
        let path = folder.appendingPathComponent("null").path
        if makeDevice(path, major: 1, minor: 3) { return path }
        FileManager.default.createFile(atPath: path, contents: nil)
        return path
    }()

    /// Makes a character device at `path` (1,3 is a null device, 1,7 a
    /// "full" device whose writes fail with "No space left on device");
    /// false when this process may not make devices.
    @discardableResult
    static func makeDevice(_ path: String, major: UInt32, minor: UInt32) -> Bool {
        unlink(path)
        // makedev(3) is a C macro: the same packing, for small numbers.
        let device = dev_t((UInt64(major & 0xfff) << 8) | UInt64(minor & 0xff) | (UInt64(minor & ~0xff) << 12))
        return mknod(path, S_IFCHR | 0o666, device) == 0
    }

    /// True when devices can be made here (the tests run as root).
    static let canMakeDevices: Bool = {
        let path = folder.appendingPathComponent("probe-\(UUID().uuidString)").path
        defer { unlink(path) }
        return makeDevice(path, major: 1, minor: 3)
    }()
}
