import Foundation

/// A JSON value decoded without Foundation's bridging, so booleans and numbers stay distinct.
indirect enum JSONValue: Decodable, Equatable {
    case null, bool(Bool), integer(Int64), number(Double), string(String), array([JSONValue]), object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Int64.self) { self = .integer(value) }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([JSONValue].self) { self = .array(value) }
        else { self = .object(try container.decode([String: JSONValue].self)) }
    }

    static func parse(_ data: Data) throws -> JSONValue { try JSONDecoder().decode(JSONValue.self, from: data) }

    subscript(key: String) -> JSONValue? {
        if case let .object(members) = self { return members[key] }
        return nil
    }
}

/// A validator for the subset of JSON Schema (draft 2020-12) the export schema uses:
/// `type`, `required`, `properties`, `items`, `enum`, `const`, `pattern`, `minimum` and local
/// `$ref`s into `$defs`. Any other keyword in the schema is reported as a failure, so the test
/// cannot pass by ignoring a keyword.
struct MiniSchemaValidator {
    let root: JSONValue
    static let understood: Set<String> = [
        "$schema", "$id", "$defs", "$ref", "title", "description", "type", "required", "properties", "items", "enum",
        "const", "pattern", "minimum",
    ]

    init(schema: JSONValue) { root = schema }

    /// Every violation of the schema by `instance`, as `path: message` (empty when valid).
    func violations(of instance: JSONValue) -> [String] {
        var failures: [String] = []
        check(instance, against: root, path: "$", into: &failures)
        return failures
    }

    private func check(_ value: JSONValue, against schema: JSONValue, path: String, into failures: inout [String]) {
        guard case let .object(keywords) = schema else {
            failures.append("\(path): the schema here is not an object")
            return
        }
        for key in keywords.keys where !Self.understood.contains(key) {
            failures.append("\(path): schema keyword \(key) is not supported by the test validator")
        }
        if case let .string(ref)? = keywords["$ref"] {
            let name = ref.replacingOccurrences(of: "#/$defs/", with: "")
            guard let target = root["$defs"]?[name] else {
                failures.append("\(path): unresolvable $ref \(ref)")
                return
            }
            check(value, against: target, path: path, into: &failures)
        }
        if case let .string(type)? = keywords["type"], !Self.matches(value, type: type) {
            failures.append("\(path): expected \(type), found \(value)")
            return
        }
        if let constant = keywords["const"], constant != value {
            failures.append("\(path): expected the constant \(constant)")
        }
        if case let .array(options)? = keywords["enum"], !options.contains(value) {
            failures.append("\(path): \(value) is not one of the allowed values")
        }
        if case let .string(pattern)? = keywords["pattern"], case let .string(text) = value,
           text.range(of: pattern, options: .regularExpression) == nil {
            failures.append("\(path): \(text.debugDescription) does not match \(pattern)")
        }
        if let minimum = keywords["minimum"].flatMap(Self.number), let number = Self.number(value), number < minimum {
            failures.append("\(path): \(number) is below the minimum \(minimum)")
        }
        if case let .object(members) = value {
            if case let .array(required)? = keywords["required"] {
                for case let .string(key) in required where members[key] == nil {
                    failures.append("\(path): missing required member \(key)")
                }
            }
            for (key, member) in members {
                if let memberSchema = keywords["properties"]?[key] {
                    check(member, against: memberSchema, path: path + "." + key, into: &failures)
                }
            }
        }
        if case let .array(elements) = value, let items = keywords["items"] {
            for (index, element) in elements.enumerated() {
                check(element, against: items, path: path + "[\(index)]", into: &failures)
            }
        }
    }

    static func number(_ value: JSONValue) -> Double? {
        switch value {
        case let .integer(number): Double(number)
        case let .number(number): number
        default: nil
        }
    }

    static func matches(_ value: JSONValue, type: String) -> Bool {
        switch (type, value) {
        case ("object", .object), ("array", .array), ("string", .string), ("boolean", .bool), ("integer", .integer): true
        case ("number", .integer), ("number", .number): true
        default: false
        }
    }
}
