import Foundation
import InquestCore
import Testing

@Suite("Files holding raw records are written owner-only")
struct PrivateFileTests {
    @Test func writesMode0600WhateverTheUmaskAndReplacesAtomically() throws {
        let directory = NSTemporaryDirectory() + "inquest-private-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let previous = umask(0o022)
        defer { umask(previous) }
        let path = directory + "/bundle.json"
        try PrivateFile.write(Data("one".utf8), to: path)
        // An existing file (say one left 0644 by an older version) is replaced, not widened.
        chmod(path, 0o644)
        try PrivateFile.write(Data("two".utf8), to: path)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect(((attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1) == 0o600)
        #expect(FileManager.default.contents(atPath: path) == Data("two".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["bundle.json"], "no temporary file is left")
    }

    @Test func aMissingDirectoryIsAnError() {
        #expect(throws: (any Error).self) { try PrivateFile.write(Data("x".utf8), to: "/nonexistent-\(UUID().uuidString)/f") }
    }
}
