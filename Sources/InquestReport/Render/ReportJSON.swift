import Foundation
import InquestCore

/// The `json` format: the ``InvestigationDocument`` as pretty-printed JSON with sorted keys
/// (stable diffs) and snake_case keys, described by `schemas/investigation-export.v2.schema.json`.
public enum ReportJSON {
    /// The document as JSON text, ending in a newline.
    public static func render(_ document: InvestigationDocument) throws(ReportError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = JSONKeySpelling.snakeCaseEncoding
        do {
            return escapingInvisibleControls(String(decoding: try encoder.encode(document), as: UTF8.self)) + "\n"
        } catch {
            throw .malformedDocument(reason: "cannot encode: \(error)")
        }
    }

    /// JSONEncoder escapes C0 controls (ESC becomes `\u001b`) but writes C1 controls, bidi
    /// overrides and line/paragraph separators raw. They can only occur inside strings, where
    /// `\uXXXX` is the same value, so escaping them keeps the data and makes `cat` of an export safe.
    public static func escapingInvisibleControls(_ json: String) -> String {
        var output = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            switch scalar.value {
            case 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069:
                let hex = String(scalar.value, radix: 16)
                output.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
            default:
                output.append(scalar)
            }
        }
        return String(output)
    }

    /// Reads a document written by ``render(_:)`` (version 2, snake_case) or by an older build
    /// (version 1, camelCase). Refuses other schema versions before decoding the rest.
    public static func decode(_ data: Data) throws(ReportError) -> InvestigationDocument {
        guard let version = schemaVersion(of: data) else {
            throw .malformedDocument(reason: "no integer schema_version (or version 1's schemaVersion) at the top level")
        }
        guard InvestigationDocument.readableSchemaVersions.contains(version) else {
            throw .unsupportedSchemaVersion(found: version, supported: InvestigationDocument.currentSchemaVersion)
        }
        let decoder = JSONDecoder()
        if version >= 2 { decoder.keyDecodingStrategy = JSONKeySpelling.snakeCaseDecoding }
        do {
            return try decoder.decode(InvestigationDocument.self, from: data)
        } catch {
            throw .malformedDocument(reason: describe(error))
        }
    }

    /// The top-level `schema_version` (version 2 on) or `schemaVersion` (version 1), if an integer.
    public static func schemaVersion(of data: Data) -> Int? {
        guard let top = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        return (top["schema_version"] ?? top["schemaVersion"]).flatMap { $0 as? Int }
    }

    /// A decoding error with the JSON path it happened at.
    static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return keys.isEmpty ? "at the top level" : "at \(keys)"
        }
        switch error {
        case let .typeMismatch(type, context): return "\(path(context)): expected \(type)"
        case let .valueNotFound(type, context): return "\(path(context)): missing \(type) value"
        case let .keyNotFound(key, context): return "\(path(context)): missing key \(key.stringValue.debugDescription)"
        case let .dataCorrupted(context): return "\(path(context)): \(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}
