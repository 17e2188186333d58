import Foundation

/// Locates and runs the built `inquest` binary for end-to-end tests.
enum BinaryRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// `.build/debug/inquest` (the README's test command builds it before `swift test`).
    static var binary: URL? {
        let candidates = [
            repositoryRoot.appendingPathComponent(".build/debug/inquest"),
            repositoryRoot.appendingPathComponent(".build/x86_64-unknown-linux-gnu/debug/inquest"),
            repositoryRoot.appendingPathComponent(".build/aarch64-unknown-linux-gnu/debug/inquest"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// The shared public corpus: `$INQUEST_CORPORA`, else `../shared/corpora` beside the
    /// repository; nil when absent (a user's clone), so its tests are reported as skipped.
    static var corpora: URL? {
        let override = ProcessInfo.processInfo.environment["INQUEST_CORPORA"].flatMap { $0.isEmpty ? nil : $0 }
        let url = override.map { URL(fileURLWithPath: $0) }
            ?? repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/corpora")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    struct MissingBinary: Error, CustomStringConvertible {
        var description: String { "the inquest binary is not built: run `swift build` before `swift test`" }
    }

    static func run(_ arguments: [String], stdin: Data? = nil, environment: [String: String] = [:]) throws -> Result {
        guard let binary else { throw MissingBinary() }
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "C.UTF-8"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        let input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        // Read both pipes concurrently so a full pipe never blocks the child.
        let group = DispatchGroup()
        let errBox = DataBox()
        group.enter()
        DispatchQueue.global().async {
            errBox.data = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errBox.data, as: UTF8.self)
        )
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("inquest-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

final class DataBox: @unchecked Sendable {
    var data = Data()
}
