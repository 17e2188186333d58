import Foundation

/// Builds the compact JSON object text of an event's attributes, keys in insertion order.
struct CIAttributesText {
    private var text = "{"

    /// Adds a string member.
    mutating func add(_ key: String, _ value: String) {
        member(key)
        Self.appendQuoted(value, to: &text)
    }

    /// Adds a string member when the value is present and not empty.
    mutating func add(_ key: String, ifPresent value: String?) {
        if let value, !value.isEmpty { add(key, value) }
    }

    /// Adds an integer member.
    mutating func add(_ key: String, _ value: Int) {
        member(key)
        text += String(value)
    }

    /// Adds a number member (shortest round-trip form).
    mutating func add(_ key: String, _ value: Double) {
        member(key)
        text += value.isFinite ? "\(value)" : "null"
    }

    /// Adds a boolean member.
    mutating func add(_ key: String, _ value: Bool) {
        member(key)
        text += value ? "true" : "false"
    }

    /// Adds an array of strings.
    mutating func add(_ key: String, strings: [String]) {
        member(key)
        text += "["
        for (index, value) in strings.enumerated() {
            if index > 0 { text += "," }
            Self.appendQuoted(value, to: &text)
        }
        text += "]"
    }

    /// Adds a member whose value is already JSON text.
    mutating func add(_ key: String, json: String) {
        member(key)
        text += json
    }

    /// The finished object text.
    var finished: String { text + "}" }

    private mutating func member(_ key: String) {
        if text.utf8.count > 1 { text += "," }
        Self.appendQuoted(key, to: &text)
        text += ":"
    }

    /// Appends `value` as a JSON string literal.
    static func appendQuoted(_ value: String, to out: inout String) {
        JSONStringLiteral.append(value, to: &out)
    }

    /// Cuts `text` to at most `maxBytes` UTF-8 bytes on a character boundary, adding `…` when cut.
    static func truncated(_ text: String, maxBytes: Int) -> String {
        guard text.utf8.count > maxBytes else { return text }
        var out = ""
        var used = 0
        for character in text {
            let size = character.utf8.count
            if used + size > maxBytes { break }
            out.append(character)
            used += size
        }
        return out + "…"
    }

    /// The first non-empty line of `text`, trimmed.
    static func firstLine(_ text: String) -> String {
        for line in text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if !trimmed.isEmpty { return trimmed }
        }
        return ""
    }
}
