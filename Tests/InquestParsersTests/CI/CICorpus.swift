import Foundation
import InquestCore
@testable import InquestParsers

/// Finds `../shared/corpora` from this file (repo root is 4 levels up) and builds test options.
enum CICorpus {
    static let root: URL? = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        let corpora = url.deletingLastPathComponent().appendingPathComponent("shared/corpora")
        return FileManager.default.fileExists(atPath: corpora.path) ? corpora : nil
    }()

    static func data(_ path: String) -> Data? {
        guard let root else { return nil }
        return FileManager.default.contents(atPath: root.appendingPathComponent(path).path)
    }

    static let fallback = Timestamp(seconds: 1_800_000_000)

    static func options(_ name: String = "fixture.xml") -> CIParseOptions {
        CIParseOptions(sourceName: name, sourceIdentity: "/tmp/" + name, fallbackTime: fallback)
    }

    static func attributes(_ event: Event) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(event.attributesJSON.utf8))) as? [String: Any] ?? [:]
    }
}
