import Foundation
import InquestTestSupport

/// The metric files of the shared corpus (see ``SharedCorpus``).
enum MetricsCorpus {
    static var root: URL? { SharedCorpus.root }
    static var isAvailable: Bool { SharedCorpus.isAvailable }

    static func text(_ relativePath: String) throws -> String {
        String(decoding: try SharedCorpus.requireData(relativePath), as: UTF8.self)
    }
}
