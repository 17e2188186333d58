import Foundation

/// Finds the shared test corpus: `$INQUEST_CORPORA`, else `../shared/corpora` next to the repository.
enum MetricsCorpus {
    static var root: URL? {
        if let override = ProcessInfo.processInfo.environment["INQUEST_CORPORA"] {
            return URL(fileURLWithPath: override)
        }
        let repository = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let url = repository.deletingLastPathComponent().appendingPathComponent("shared/corpora")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    static var isAvailable: Bool { root != nil }

    struct Missing: Error, CustomStringConvertible {
        var path: String
        var description: String { "corpus file missing: \(path) (set INQUEST_CORPORA to the shared corpora directory)" }
    }

    static func text(_ relativePath: String) throws -> String {
        guard let root else { throw Missing(path: relativePath) }
        let url = root.appendingPathComponent(relativePath)
        guard let data = FileManager.default.contents(atPath: url.path) else { throw Missing(path: url.path) }
        return String(decoding: data, as: UTF8.self)
    }
}
