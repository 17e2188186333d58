import Foundation
import InquestCore

/// Writes and reads the bundle file format (version 1).
///
/// The file is one JSON object whose sections are each the *canonical* JSON of their value
/// (`JSONEncoder`, keys sorted, no whitespace). The manifest holds each
/// section's item count and the SHA-256 of those canonical bytes; `manifestSha256` is the
/// SHA-256 of the manifest's own canonical bytes. Reading decodes the file,
/// re-encodes each section canonically and compares: any changed byte in a section (or a
/// section dropped or cut short) is caught before anything is imported.
public enum BundleCodec {
    /// The value of the file's `format` key.
    public static let format = "inquest-bundle"
    /// The version this build writes and reads.
    public static let version = 1

    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }

    static var decoder: JSONDecoder {
        JSONDecoder()
    }

    /// The canonical bytes of each section, in ``BundleSectionName`` order.
    static func sectionBytes(of bundle: InvestigationBundle) throws -> [(BundleSectionName, Data, Int)] {
        let encoder = self.encoder
        return try BundleSectionName.allCases.map { name in
            switch name {
            case .investigation: (name, try encoder.encode(bundle.investigation), 1)
            case .notes: (name, try encoder.encode(bundle.notes), bundle.notes.count)
            case .links: (name, try encoder.encode(bundle.links), bundle.links.count)
            case .stars: (name, try encoder.encode(bundle.stars), bundle.stars.count)
            case .tags: (name, try encoder.encode(bundle.tags), bundle.tags.count)
            case .audit: (name, try encoder.encode(bundle.audit), bundle.audit.count)
            case .events: (name, try encoder.encode(bundle.events), bundle.events.count)
            }
        }
    }

    /// How many items a section of `bundle` holds (1 for the investigation).
    public static func count(of section: BundleSectionName, in bundle: InvestigationBundle) -> Int {
        switch section {
        case .investigation: 1
        case .notes: bundle.notes.count
        case .links: bundle.links.count
        case .stars: bundle.stars.count
        case .tags: bundle.tags.count
        case .audit: bundle.audit.count
        case .events: bundle.events.count
        }
    }

    /// The file's bytes. The manifest's `sections` are computed here (whatever the bundle had).
    public static func encode(_ bundle: InvestigationBundle) throws -> Data {
        let sections = try sectionBytes(of: bundle)
        var manifest = bundle.manifest
        manifest.sections = Dictionary(uniqueKeysWithValues: sections.map { name, bytes, count in
            (name.rawValue, BundleManifest.Section(count: count, sha256: SHA256.hex(of: bytes)))
        })
        let manifestBytes = try encoder.encode(manifest)
        var out = Data("{\"format\":\"\(format)\",\"version\":\(version),".utf8)
        out += Data("\"manifestSha256\":\"\(SHA256.hex(of: manifestBytes))\",\"manifest\":".utf8)
        out += manifestBytes
        for (name, bytes, _) in sections {
            out += Data(",\"\(name.rawValue)\":".utf8)
            out += bytes
        }
        out += Data("}\n".utf8)
        return out
    }

    /// The file decoded as a whole; sections are verified by ``decode(_:path:)``.
    struct File: Decodable {
        var manifestSha256: String
        var manifest: BundleManifest
        var investigation: Investigation
        var notes: [BundledNote]
        var links: [EventLink]
        var stars: [EventStar]
        var tags: [EventTag]
        var audit: [BundledAuditEntry]
        var events: [BundledEvent]
    }

    /// Reads and verifies a bundle: format, version, every section present, counts and
    /// checksums, and references between sections. `path` names the file in errors.
    public static func decode(_ data: Data, path: String) throws -> InvestigationBundle {
        let top = try topLevelObject(data, path: path)
        try checkHeader(top, path: path)
        for name in ["manifestSha256", "manifest"] + BundleSectionName.allCases.map(\.rawValue) where top[name] == nil {
            throw ExchangeError.missingSection(path: path, section: name)
        }
        let file: File
        do {
            file = try decoder.decode(File.self, from: data)
        } catch let error as DecodingError {
            throw ExchangeError.malformed(path: path, where: ExchangeDecodingFailure.location(error), reason: ExchangeDecodingFailure.reason(error))
        }
        let manifestHash = SHA256.hex(of: try encoder.encode(file.manifest))
        guard manifestHash == file.manifestSha256 else {
            throw ExchangeError.checksumMismatch(path: path, section: "manifest", expected: file.manifestSha256, actual: manifestHash)
        }
        let bundle = InvestigationBundle(
            manifest: file.manifest, investigation: file.investigation, notes: file.notes, links: file.links,
            stars: file.stars, tags: file.tags, audit: file.audit, events: file.events)
        for (name, bytes, count) in try sectionBytes(of: bundle) {
            guard let expected = file.manifest.sections[name.rawValue] else {
                throw ExchangeError.missingSection(path: path, section: "manifest.sections.\(name.rawValue)")
            }
            let actual = SHA256.hex(of: bytes)
            guard actual == expected.sha256 else {
                throw ExchangeError.checksumMismatch(path: path, section: name.rawValue, expected: expected.sha256, actual: actual)
            }
            guard count == expected.count else {
                throw ExchangeError.countMismatch(path: path, section: name.rawValue, expected: expected.count, actual: count)
            }
        }
        try BundleReferences.check(bundle)
        return bundle
    }

    static func topLevelObject(_ data: Data, path: String) throws -> [String: Any] {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw ExchangeError.notJSON(path: path, reason: "\(data.count) bytes; \(error.localizedDescription)")
        }
        guard let top = object as? [String: Any] else {
            throw ExchangeError.unknownFormat(path: path, found: "a JSON \(type(of: object)) instead of an object")
        }
        return top
    }

    static func checkHeader(_ top: [String: Any], path: String) throws {
        guard let found = top["format"] as? String, found == format else {
            throw ExchangeError.unknownFormat(path: path, found: (top["format"] as? String) ?? "none")
        }
        guard let version = top["version"] as? Int else {
            throw ExchangeError.missingSection(path: path, section: "version")
        }
        guard version == Self.version else {
            throw ExchangeError.unsupportedVersion(path: path, found: version, supported: Self.version)
        }
    }
}
