/// Escaping of untrusted text for HTML and SVG (element content and quoted attributes).
enum HTMLText {
    /// One line, controls made inert, then `& < > " '` as entities.
    static func inline(_ text: String) -> String { escape(ReportSanitizer.singleLine(text)) }

    /// Multi-line text (line breaks kept for `white-space: pre-wrap`), escaped.
    static func block(_ text: String) -> String { escape(ReportSanitizer.multiline(text)) }

    /// A cell value, or an em dash when empty.
    static func cell(_ text: String?) -> String {
        guard let text, !text.isEmpty else { return "—" }
        return inline(text)
    }

    static func escape(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            default: output.append(character)
            }
        }
        return output
    }
}
