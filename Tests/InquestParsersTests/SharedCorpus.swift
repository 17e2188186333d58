import Foundation

/// The shared public test corpus: `$INQUEST_CORPORA`, else `../shared/corpora` next to the
/// repository. Every corpus test of this target finds it here.
enum SharedCorpus {
    static let root: URL? = {
        if let override = ProcessInfo.processInfo.environment["INQUEST_CORPORA"] {
            return URL(fileURLWithPath: override)
        }
        var repository = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { repository.deleteLastPathComponent() }
        let url = repository.deletingLastPathComponent().appendingPathComponent("shared/corpora")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }()

    static var isAvailable: Bool { root != nil }

    struct Missing: Error, CustomStringConvertible {
        var path: String
        var description: String { "corpus file missing: \(path) (set INQUEST_CORPORA to the shared corpora directory)" }
    }

    /// The file's bytes, or nil when the corpus or the file is missing.
    static func data(_ relativePath: String) -> Data? {
        guard let root else { return nil }
        return FileManager.default.contents(atPath: root.appendingPathComponent(relativePath).path)
    }

    /// The file's bytes; throws ``Missing`` naming it when absent.
    static func requireData(_ relativePath: String) throws -> Data {
        guard let data = data(relativePath) else {
            throw Missing(path: root?.appendingPathComponent(relativePath).path ?? relativePath)
        }
        return data
    }
}
