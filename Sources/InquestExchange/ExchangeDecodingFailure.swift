/// Turns a `DecodingError` into a JSON path and a sentence for ``ExchangeError/malformed(path:where:reason:)``.
enum ExchangeDecodingFailure {
    static func location(_ error: DecodingError) -> String {
        let context: DecodingError.Context
        switch error {
        case let .typeMismatch(_, found), let .valueNotFound(_, found), let .dataCorrupted(found): context = found
        case let .keyNotFound(key, found):
            return path(found.codingPath + [key])
        @unknown default: return "the document"
        }
        return path(context.codingPath)
    }

    static func reason(_ error: DecodingError) -> String {
        switch error {
        case let .typeMismatch(type, _): "expected a value of type \(type)"
        case .valueNotFound: "a required value is null"
        case .keyNotFound: "a required field is missing"
        case let .dataCorrupted(context): context.debugDescription
        @unknown default: "unreadable"
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        guard !keys.isEmpty else { return "the document" }
        let joined = keys.map { key in key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)" }.joined()
        return String(joined.drop(while: { $0 == "." }))
    }
}
