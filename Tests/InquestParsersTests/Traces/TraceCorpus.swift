import Foundation

/// Finds the shared trace corpora: `$INQUEST_CORPORA`, else `../shared/corpora` next to the
/// repository (the repository root is four levels above this file).
enum TraceCorpus {
    static var root: URL? {
        if let override = ProcessInfo.processInfo.environment["INQUEST_CORPORA"] {
            return URL(fileURLWithPath: override)
        }
        var repository = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { repository = repository.deletingLastPathComponent() }
        let url = repository.deletingLastPathComponent().appendingPathComponent("shared/corpora")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    static var isAvailable: Bool { root != nil }

    struct Missing: Error, CustomStringConvertible {
        var path: String
        var description: String { "corpus file missing: \(path) (set INQUEST_CORPORA to the shared corpora directory)" }
    }

    static func data(_ relativePath: String) throws -> Data {
        guard let root else { throw Missing(path: relativePath) }
        let url = root.appendingPathComponent(relativePath)
        guard let data = FileManager.default.contents(atPath: url.path) else { throw Missing(path: url.path) }
        return data
    }
}

/// Test-side helpers shared by the trace suites.
enum TraceFixture {
    static func data(_ text: String) -> Data { Data(text.utf8) }

    /// Decodes an attributes JSON text into a dictionary, for assertions.
    static func object(_ text: String) throws -> [String: Any] {
        let value = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return value as? [String: Any] ?? [:]
    }
}
