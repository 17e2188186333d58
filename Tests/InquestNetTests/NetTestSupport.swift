import Foundation
import InquestCore
import InquestNet

/// Helpers shared by the network tests.
enum NetTestSupport {
    /// The shared corpus next to the repository (`$INQUEST_CORPORA` overrides).
    static let corpora: URL = {
        if let override = ProcessInfo.processInfo.environment["INQUEST_CORPORA"] { return URL(fileURLWithPath: override) }
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("shared/corpora")
    }()

    static func corpusData(_ relativePath: String) throws -> Data {
        let url = corpora.appendingPathComponent(relativePath)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw CorpusMissing(path: url.path)
        }
        return data
    }

    struct CorpusMissing: Error, CustomStringConvertible {
        var path: String
        var description: String { "corpus file missing: \(path) (set INQUEST_CORPORA to the shared corpora directory)" }
    }

    /// A fresh temporary directory.
    static func temporaryDirectory(_ prefix: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Seconds a test waits for an answer or a condition. Long on purpose: when the whole suite
    /// runs, end-to-end tests block both cooperative threads (process waits, polling sleeps) for
    /// tens of seconds, and the loopback servers, which run on that pool, answer only afterwards.
    static let timeout: Double = 120

    /// Seconds since the epoch as a Timestamp.
    static func time(_ seconds: Double) -> Timestamp {
        Timestamp(nanoseconds: Int64(seconds * 1e9))
    }
}
