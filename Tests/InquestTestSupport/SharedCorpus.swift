import Foundation
import Testing

/// The shared public test corpus: `$INQUEST_CORPORA`, else `../shared/corpora` beside the
/// repository; nil when that directory does not exist (a user's clone has none), so that every
/// test that reads it is declared with `.enabled(if: SharedCorpus.isAvailable, SharedCorpus.skipReason)`
/// and reported as skipped there. CI has it and runs them all.
public enum SharedCorpus {
    public static let root: URL? = {
        let url: URL
        if let override = ProcessInfo.processInfo.environment["INQUEST_CORPORA"], !override.isEmpty {
            url = URL(fileURLWithPath: override)
        } else {
            var repository = URL(fileURLWithPath: #filePath)
            for _ in 0..<3 { repository.deleteLastPathComponent() }
            url = repository.deletingLastPathComponent().appendingPathComponent("shared/corpora")
        }
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue ? url : nil
    }()

    public static var isAvailable: Bool { root != nil }

    /// Why a corpus test is skipped, for `.enabled(if:_:)`.
    public static let skipReason: Comment = "../shared/corpora not found (set INQUEST_CORPORA); CI has it"

    /// A corpus file that is not there.
    public struct Missing: Error, CustomStringConvertible {
        public var path: String
        public var description: String { "corpus file missing: \(path) (set INQUEST_CORPORA to the shared corpora directory)" }
    }

    /// The file's bytes, or nil when the corpus or the file is missing.
    public static func data(_ relativePath: String) -> Data? {
        guard let root else { return nil }
        return FileManager.default.contents(atPath: root.appendingPathComponent(relativePath).path)
    }

    /// The file's bytes; throws ``Missing`` naming it when absent.
    public static func requireData(_ relativePath: String) throws -> Data {
        guard let data = data(relativePath) else {
            throw Missing(path: root?.appendingPathComponent(relativePath).path ?? relativePath)
        }
        return data
    }

    /// The path of a corpus file (call only from a test enabled if the corpus is available).
    public static func path(_ relativePath: String) throws -> String {
        guard let root else { throw Missing(path: relativePath) }
        return root.appendingPathComponent(relativePath).path
    }
}
