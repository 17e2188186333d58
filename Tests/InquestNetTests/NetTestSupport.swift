import Foundation
import InquestCore
import InquestNet

/// Helpers shared by the network tests.
enum NetTestSupport {
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
