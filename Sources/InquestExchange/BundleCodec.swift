import Foundation
import InquestCore

/// Writes the bundle file format (version 2) and reads versions 1 and 2.
///
/// The file is one JSON object whose sections are each the *canonical* JSON of their value
/// (`JSONEncoder`, keys sorted, no whitespace). The two versions differ only in key spelling
/// (``JSONKeySpelling``): version 2 is snake_case (`manifest_sha256`, `trace_id`), version 1
/// camelCase (`manifestSha256`, `traceId`); the models are the same. The manifest holds each
/// section's item count and the SHA-256 of those canonical bytes; `manifestSha256` is the
/// SHA-256 of the manifest's own canonical bytes. Reading decodes the file,
/// re-encodes each section canonically and compares: any changed byte in a section (or a
/// section dropped or cut short) is caught before anything is imported.
public enum BundleCodec {
    /// The value of the file's `format` key.
    public static let format = "inquest-bundle"
    /// The version this build writes.
    public static let version = 2
    /// The versions this build reads.
    public static let readableVersions: ClosedRange<Int> = 1...2

    /// The canonical encoder of `version`. Version 1 writers spelled a final `ID` as `Id` in the
    /// manifest, the audit entries and the events (`investigationId`, `traceId`) and as `ID`
    /// elsewhere (`eventID` of links); `section` nil is the manifest.
    static func encoder(version: Int, section: BundleSectionName?) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        if version == 1, section == .events {
            // Version 1 events: the id as `id`, other ids as `traceId`, numbers for severity and time quality.
            encoder.keyEncodingStrategy = .custom { path in
                let key = path.last?.stringValue ?? ""
                return AnyCodingKey(path.count == 2 && key == "eventID" ? "id" : JSONKeySpelling.spellingFinalIDAsId(key))
            }
            encoder.userInfo[EventRecord.legacyNumericValues] = true
        } else if version == 1 {
            let idSpelledId = section == nil || section == .audit
            encoder.keyEncodingStrategy = JSONKeySpelling.version1Encoding(idSpelledId: idSpelledId)
        } else {
            encoder.keyEncodingStrategy = JSONKeySpelling.snakeCaseEncoding
        }
        return encoder
    }

    static func decoder(version: Int) -> JSONDecoder {
        let decoder = JSONDecoder()
        if version == 1 {
            // Version 1 events held their id as `id` (`eventID` everywhere else).
            decoder.keyDecodingStrategy = .custom { path in
                let key = path.last?.stringValue ?? ""
                if path.count == 3, path.first?.stringValue == "events", key == "id" { return AnyCodingKey("eventID") }
                return AnyCodingKey(JSONKeySpelling.foldingFinalId(key))
            }
        } else {
            decoder.keyDecodingStrategy = JSONKeySpelling.snakeCaseDecoding
        }
        return decoder
    }

    /// The top-level key of the manifest's checksum in `version`.
    static func manifestChecksumKey(version: Int) -> String {
        version == 1 ? "manifestSha256" : "manifest_sha256"
    }

    /// The canonical bytes of each section in `version`'s spelling, in ``BundleSectionName`` order.
    static func sectionBytes(of bundle: InvestigationBundle, version: Int = version) throws -> [(BundleSectionName, Data, Int)] {
        try BundleSectionName.allCases.map { name in
            let encoder = self.encoder(version: version, section: name)
            return switch name {
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
        let manifestBytes = try encoder(version: version, section: nil).encode(manifest)
        var out = Data("{\"format\":\"\(format)\",\"version\":\(version),".utf8)
        out += Data("\"\(manifestChecksumKey(version: version))\":\"\(SHA256.hex(of: manifestBytes))\",\"manifest\":".utf8)
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
        var events: [EventRecord]
    }

    /// Reads and verifies a bundle: format, version, every section present, counts and
    /// checksums, and references between sections. `path` names the file in errors.
    public static func decode(_ data: Data, path: String) throws -> InvestigationBundle {
        let top = try topLevelObject(data, path: path)
        let version = try checkHeader(top, path: path)
        for name in [manifestChecksumKey(version: version), "manifest"] + BundleSectionName.allCases.map(\.rawValue) where top[name] == nil {
            throw ExchangeError.missingSection(path: path, section: name)
        }
        let file: File
        do {
            file = try decoder(version: version).decode(File.self, from: data)
        } catch let error as DecodingError {
            throw ExchangeError.malformed(path: path, where: ExchangeDecodingFailure.location(error), reason: ExchangeDecodingFailure.reason(error))
        }
        let manifestHash = SHA256.hex(of: try encoder(version: version, section: nil).encode(file.manifest))
        guard manifestHash == file.manifestSha256 else {
            throw ExchangeError.checksumMismatch(path: path, section: "manifest", expected: file.manifestSha256, actual: manifestHash)
        }
        let bundle = InvestigationBundle(
            manifest: file.manifest, investigation: file.investigation, notes: file.notes, links: file.links,
            stars: file.stars, tags: file.tags, audit: file.audit, events: file.events)
        for (name, bytes, count) in try sectionBytes(of: bundle, version: version) {
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

    /// Checks the format and returns the file's version.
    static func checkHeader(_ top: [String: Any], path: String) throws -> Int {
        guard let found = top["format"] as? String, found == format else {
            throw ExchangeError.unknownFormat(path: path, found: (top["format"] as? String) ?? "none")
        }
        guard let version = top["version"] as? Int else {
            throw ExchangeError.missingSection(path: path, section: "version")
        }
        guard readableVersions.contains(version) else {
            throw ExchangeError.unsupportedVersion(path: path, found: version, supported: Self.version)
        }
        return version
    }
}
