import Foundation

/// A decoded JSON value as the trace parsers see it: numbers keep integers exact
/// (nanosecond timestamps do not fit a Double), objects keep their members sorted by key.
indirect enum TraceJSONValue: Sendable, Hashable, Decodable {
    case null
    case bool(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([TraceJSONValue])
    case object([String: TraceJSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([TraceJSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: TraceJSONValue].self))
        }
    }

    /// Decodes a whole document, turning decoder failures into ``ParseError/invalidJSON(reason:)``.
    static func decode(_ data: Data) throws(ParseError) -> TraceJSONValue {
        do {
            return try JSONDecoder().decode(TraceJSONValue.self, from: data)
        } catch let DecodingError.dataCorrupted(context) {
            throw .invalidJSON(reason: context.underlyingError.map { "\($0)" } ?? context.debugDescription)
        } catch {
            throw .invalidJSON(reason: "\(error)")
        }
    }

    /// The JSON type name used in error messages.
    var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .integer, .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    /// Compact JSON text with object keys sorted, so equal values serialise to equal bytes.
    var compactText: String {
        var out = ""
        write(to: &out)
        return out
    }

    func write(to out: inout String) {
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .integer(let value): out += String(value)
        case .number(let value):
            out += value.isFinite ? Self.numberText(value) : "null"
        case .string(let value): Self.writeString(value, to: &out)
        case .array(let values):
            out += "["
            for (index, value) in values.enumerated() {
                if index > 0 { out += "," }
                value.write(to: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (index, key) in members.keys.sorted().enumerated() {
                if index > 0 { out += "," }
                Self.writeString(key, to: &out)
                out += ":"
                members[key, default: .null].write(to: &out)
            }
            out += "}"
        }
    }

    static func numberText(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// Writes a JSON string literal, escaping quotes, backslashes and control characters only
    /// (non-ASCII text such as CJK stays as UTF-8).
    static func writeString(_ value: String, to out: inout String) {
        JSONStringLiteral.append(value, to: &out)
    }
}
