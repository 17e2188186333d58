/// Converts OTLP `KeyValue` lists and `AnyValue`s (string, bool, int, double, array,
/// kvlist, bytes) into plain JSON values.
enum OTLPAnyValue {
    /// `[{key, value: AnyValue}]` as a dictionary of plain JSON values.
    static func keyValues(_ list: [TraceJSONCursor]) throws(ParseError) -> [String: TraceJSONValue] {
        var out: [String: TraceJSONValue] = [:]
        for item in list {
            let key = try item.required("key").string()
            out[key] = try item.optional("value").map { (value) throws(ParseError) in try plain(value) } ?? .null
        }
        return out
    }

    /// One `AnyValue` as a plain JSON value; bytes stay as their base64 text, 64-bit ints
    /// written as strings become numbers.
    static func plain(_ value: TraceJSONCursor) throws(ParseError) -> TraceJSONValue {
        if let text = try value.optional("stringValue") { return .string(try text.string()) }
        if let flag = try value.optional("boolValue") {
            switch flag.value {
            case .bool: return flag.value
            case .string(let text) where text == "true" || text == "false": return .bool(text == "true")
            default: throw .wrongType(path: flag.path, expected: "a boolean", found: flag.value.typeName)
            }
        }
        if let integer = try value.optional("intValue") { return .integer(try integer.integer()) }
        if let double = try value.optional("doubleValue") {
            switch double.value {
            case .integer, .number: return double.value
            case .string(let text):
                guard let number = Double(text) else { throw .notANumber(path: double.path, text: text) }
                return .number(number)
            default: throw .notANumber(path: double.path, text: double.value.compactText)
            }
        }
        if let bytes = try value.optional("bytesValue") { return .string(try bytes.string()) }
        if let array = try value.optional("arrayValue") {
            var values: [TraceJSONValue] = []
            for element in try array.optionalElements("values") { values.append(try plain(element)) }
            return .array(values)
        }
        if let list = try value.optional("kvlistValue") {
            return .object(try keyValues(try list.optionalElements("values")))
        }
        return .null
    }
}
