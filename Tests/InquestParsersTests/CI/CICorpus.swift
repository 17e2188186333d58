import Foundation
import InquestTestSupport
import InquestCore
@testable import InquestParsers

/// The CI and git files of the shared corpus (see ``SharedCorpus``) and test options.
enum CICorpus {
    static var root: URL? { SharedCorpus.root }

    static func data(_ path: String) -> Data? {
        SharedCorpus.data(path)
    }

    static let fallback = Timestamp(seconds: 1_800_000_000)

    static func options(_ name: String = "fixture.xml") -> CIParseOptions {
        CIParseOptions(sourceName: name, sourceIdentity: "/tmp/" + name, fallbackTime: fallback)
    }

    static func attributes(_ event: Event) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(event.attributesJSON.utf8))) as? [String: Any] ?? [:]
    }
}
