import Foundation
import Testing

@testable import AttuneLab

/// A fresh empty folder for one test.
private func makeFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("attune-lab-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

private func contents(of folder: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
}

private struct Interrupted: Error {}

@Suite("Atomic file writes")
struct AtomicFileTests {
    @Test("a write leaves the file and no temporary file")
    func writes() throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("rows.csv").path
        try AtomicFile.write(Data("a,b\n1,2\n".utf8), to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "a,b\n1,2\n")
        #expect(try contents(of: folder) == ["rows.csv"])
    }

    @Test("a write replaces an older file whole")
    func replaces() throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("rows.csv").path
        try AtomicFile.write(Data("old and long\n".utf8), to: path)
        try AtomicFile.write(Data("new\n".utf8), to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new\n")
        #expect(try contents(of: folder) == ["rows.csv"])
    }

    @Test("a write that fails midway leaves the old file untouched and no temporary file")
    func failureDoesNotClobber() throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("rows.csv").path
        try AtomicFile.write(Data("kept\n".utf8), to: path)
        #expect(throws: Interrupted.self) {
            try AtomicFile.write(to: path) { writer in
                try writer.write("half of a ")
                throw Interrupted()
            }
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "kept\n")
        #expect(try contents(of: folder) == ["rows.csv"])
    }

    @Test("an abandoned writer leaves nothing behind")
    func abandoned() throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("rows.csv").path
        let writer = try AtomicFileWriter(path: path)
        try writer.write("something")
        #expect(FileManager.default.fileExists(atPath: writer.temporaryPath ?? ""))
        writer.abandon()
        #expect(try contents(of: folder).isEmpty)
    }

    @Test("a missing folder is an error that names the path")
    func missingFolder() throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("no/such/rows.csv").path
        let error = #expect(throws: AtomicFileError.self) { try AtomicFile.write(Data("x".utf8), to: path) }
        #expect(error?.description.contains(path) == true)
        #expect(error?.description.contains("does not exist") == true)
    }

    @Test("a folder in the file's place is an error; the folder is untouched and no temporary file is left")
    func folderInTheWay() throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("rows.csv")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: false)
        let error = #expect(throws: AtomicFileError.self) { try AtomicFile.write(Data("x".utf8), to: target.path) }
        #expect(error?.description.contains(target.path) == true)
        #expect(try contents(of: folder) == ["rows.csv"])
        var isFolder: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: target.path, isDirectory: &isFolder) && isFolder.boolValue)
    }

    @Test("streamed text output reaches the file only when finished")
    func textOutput() throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("trace.json").path
        let output = try TextOutput.file(path)
        try output.writeTable(format: .json, columns: ["t"]) { emit in
            try emit([.decimal(0.1, places: 3)])
        }
        #expect(!FileManager.default.fileExists(atPath: path))
        try output.finish()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "[\n  {\"t\": 0.100}\n]\n")
        #expect(try contents(of: folder) == ["trace.json"])
    }
}
