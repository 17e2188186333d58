import Foundation
import InquestTestSupport

/// The trace files of the shared corpus (see ``SharedCorpus``).
enum TraceCorpus {
    static var root: URL? { SharedCorpus.root }
    static var isAvailable: Bool { SharedCorpus.isAvailable }

    static func data(_ relativePath: String) throws -> Data {
        try SharedCorpus.requireData(relativePath)
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
