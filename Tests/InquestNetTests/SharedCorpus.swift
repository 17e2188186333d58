import Foundation
import Testing

/// The shared public test corpus: `$INQUEST_CORPORA`, else `../shared/corpora` beside the
/// repository; nil when that directory does not exist (a user's clone has none), so that every
/// test that reads it is declared with `.enabled(if: SharedCorpus.isAvailable)` and reported as
/// skipped there. CI has it and runs them all.
enum SharedCorpus {
    static let root: URL? = {
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

    static var isAvailable: Bool { root != nil }

    /// Why a corpus test is skipped, for `.enabled(if:_:)`.
    static let skipReason: Comment = "../shared/corpora not found (set INQUEST_CORPORA); CI has it"

    /// The bytes of a corpus file; fails the test, naming the file, when it is missing.
    static func data(_ relativePath: String) throws -> Data {
        let url = try #require(root, "\(skipReason)").appendingPathComponent(relativePath)
        return try #require(FileManager.default.contents(atPath: url.path), "corpus file missing: \(url.path)")
    }
}
