import Foundation

/// A JSON value together with its path in the document, with typed accessors whose
/// failures name that path (``ParseError``).
struct TraceJSONCursor: Sendable {
    let value: TraceJSONValue
    let path: String

    init(_ value: TraceJSONValue, path: String) {
        self.value = value
        self.path = path
    }

    func childPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// The member `key`, or nil when absent or JSON null. Requires this value to be an object.
    func optional(_ key: String) throws(ParseError) -> TraceJSONCursor? {
        guard case .object(let members) = value else {
            throw .wrongType(path: path.isEmpty ? "$" : path, expected: "an object", found: value.typeName)
        }
        guard let member = members[key], member != .null else { return nil }
        return TraceJSONCursor(member, path: childPath(key))
    }

    /// The member `key`; throws ``ParseError/missingField(path:)`` when absent.
    func required(_ key: String) throws(ParseError) -> TraceJSONCursor {
        guard let member = try optional(key) else { throw .missingField(path: childPath(key)) }
        return member
    }

    /// The elements of this array with their indexed paths.
    func elements() throws(ParseError) -> [TraceJSONCursor] {
        guard case .array(let values) = value else {
            throw .wrongType(path: path.isEmpty ? "$" : path, expected: "an array", found: value.typeName)
        }
        return values.enumerated().map { TraceJSONCursor($0.element, path: "\(path)[\($0.offset)]") }
    }

    /// The members of this object, sorted by key.
    func members() throws(ParseError) -> [(key: String, value: TraceJSONCursor)] {
        guard case .object(let members) = value else {
            throw .wrongType(path: path, expected: "an object", found: value.typeName)
        }
        return members.keys.sorted().map { key in
            (key, TraceJSONCursor(members[key, default: .null], path: childPath(key)))
        }
    }

    /// The elements of array member `key`, or none when it is absent.
    func optionalElements(_ key: String) throws(ParseError) -> [TraceJSONCursor] {
        try optional(key)?.elements() ?? []
    }

    func string() throws(ParseError) -> String {
        guard case .string(let text) = value else {
            throw .wrongType(path: path, expected: "a string", found: value.typeName)
        }
        return text
    }

    /// An integer written as a JSON number or as a decimal string (OTLP/JSON writes 64-bit
    /// integers as strings).
    func integer() throws(ParseError) -> Int64 {
        switch value {
        case .integer(let number):
            return number
        case .number(let number):
            guard number.isFinite, number.rounded() == number, abs(number) < 9.2e18 else {
                throw .notANumber(path: path, text: "\(number)")
            }
            return Int64(number)
        case .string(let text):
            guard let number = Int64(text.trimmingCharacters(in: .whitespaces)) else {
                throw .notANumber(path: path, text: text)
            }
            return number
        default:
            throw .notANumber(path: path, text: value.compactText)
        }
    }

    /// The integer times `factor` (microseconds to nanoseconds); a product beyond Int64 is
    /// refused as not a number rather than wrapped.
    func integer(scaledBy factor: Int64) throws(ParseError) -> Int64 {
        let product = try integer().multipliedReportingOverflow(by: factor)
        guard !product.overflow else { throw .notANumber(path: path, text: value.compactText) }
        return product.partialValue
    }

    /// Text of a scalar (string as is, numbers and booleans as JSON text).
    func scalarText() -> String {
        if case .string(let text) = value { return text }
        return value.compactText
    }
}
