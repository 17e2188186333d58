import Foundation

/// How a versioned file spells its keys. Each concept has one `Codable` model whose property
/// names are the keys' camelCase form with initialisms all caps (`traceID`, `investigationID`);
/// the file's format version picks the spelling through the coder's key strategy, never through
/// a second model or per-type `CodingKeys`.
///
/// - Version 2 (what this build writes): snake_case, `trace_id`, `timestamp_ns`, `raw_base64`.
/// - Version 1 (still read): camelCase, with `ID` spelled `Id` by some writers (`traceId`,
///   `investigationId`), which is why reading it folds a final `Id` into `ID`.
public enum JSONKeySpelling {
    /// Writes snake_case (`traceID` → `trace_id`, `createdAtNs` → `created_at_ns`).
    public static let snakeCaseEncoding: JSONEncoder.KeyEncodingStrategy = .convertToSnakeCase

    /// Reads snake_case back into the property names. Foundation's `.convertFromSnakeCase` turns
    /// `trace_id` into `traceId`, which does not match `traceID`; this reads an `id` word as `ID`.
    public static let snakeCaseDecoding: JSONDecoder.KeyDecodingStrategy = .custom { path in
        AnyCodingKey(camelCase(fromSnakeCase: path.last?.stringValue ?? ""))
    }

    /// Reads version 1 camelCase, accepting `Id` for `ID` at the end of a key (`traceId`).
    public static let version1Decoding: JSONDecoder.KeyDecodingStrategy = .custom { path in
        AnyCodingKey(foldingFinalId(path.last?.stringValue ?? ""))
    }

    /// Writes version 1 camelCase as the writers of that version did: with `Id` for a final `ID`
    /// when `idSpelledId` (bundle manifests, audit entries and events), as the property names
    /// otherwise. Used to re-encode a version 1 section exactly and check its checksum.
    public static func version1Encoding(idSpelledId: Bool) -> JSONEncoder.KeyEncodingStrategy {
        guard idSpelledId else { return .useDefaultKeys }
        return .custom { path in AnyCodingKey(spellingFinalIDAsId(path.last?.stringValue ?? "")) }
    }

    /// `traceID` → `traceId`; `id` and keys not ending in `ID` are kept.
    public static func spellingFinalIDAsId(_ key: String) -> String {
        guard key.count > 2, key.hasSuffix("ID") else { return key }
        return String(key.dropLast(2)) + "Id"
    }

    /// `trace_id` → `traceID`, `created_at_ns` → `createdAtNs`; a key without `_` is kept, and
    /// so is one with a capital (`raw_Base64` is not a snake_case key and must not read as
    /// `rawBase64`: a bundle with a flipped byte has to be refused, not quietly accepted).
    static func camelCase(fromSnakeCase key: String) -> String {
        let words = key.split(separator: "_", omittingEmptySubsequences: false)
        guard words.count > 1, !key.hasPrefix("_"), !key.hasSuffix("_"),
              !key.unicodeScalars.contains(where: { ("A"..."Z").contains($0) }) else { return key }
        return words.enumerated().map { index, word in
            if index == 0 { return String(word) }
            if word == "id" { return "ID" }
            return word.prefix(1).uppercased() + word.dropFirst()
        }.joined()
    }

    /// `traceId` → `traceID`; `id`, `Id` alone and every other key are kept.
    public static func foldingFinalId(_ key: String) -> String {
        guard key.count > 2, key.hasSuffix("Id"),
              let before = key.dropLast(2).last, before.isLowercase || before.isNumber else { return key }
        return String(key.dropLast(2)) + "ID"
    }
}

/// A coding key made from a string, for custom key strategies.
public struct AnyCodingKey: CodingKey, Sendable {
    public var stringValue: String
    public var intValue: Int?

    public init(_ string: String) {
        stringValue = string
    }

    public init?(stringValue: String) {
        self.stringValue = stringValue
    }

    public init?(intValue: Int) {
        stringValue = "\(intValue)"
        self.intValue = intValue
    }
}
