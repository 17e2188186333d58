import Foundation

/// Escaping of untrusted text for GitHub/GitLab-flavoured Markdown.
enum MarkdownText {
    /// Every ASCII punctuation character that can start or end Markdown or HTML syntax; each
    /// is written with a backslash (CommonMark lets any ASCII punctuation be escaped).
    static let special: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "|", "#", "!", "~", "&", "$", "^", "{", "}", "(", ")"]

    /// One line of inert inline text, safe in a table cell (`|` escaped, breaks shown as ⏎).
    static func inline(_ text: String) -> String {
        var output = ""
        for character in ReportSanitizer.singleLine(text) {
            if special.contains(character) { output.append("\\") }
            output.append(character)
        }
        return output
    }

    /// A table cell: escaped inline text, or an em dash when empty.
    static func cell(_ text: String?) -> String {
        guard let text, !text.isEmpty else { return "—" }
        return inline(text)
    }

    /// Multi-line untrusted text as paragraphs: each line escaped; a leading `-`, `+`, `=`
    /// or `N.` escaped so it cannot become a list or heading; lines joined with hard breaks.
    static func block(_ text: String) -> String {
        let lines = ReportSanitizer.multiline(text).split(separator: "\n", omittingEmptySubsequences: false)
        var paragraphs: [[String]] = [[]]
        for line in lines {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty {
                if !(paragraphs.last?.isEmpty ?? true) { paragraphs.append([]) }
                continue
            }
            paragraphs[paragraphs.count - 1].append(leadingSafe(inline(String(trimmed))))
        }
        return paragraphs.filter { !$0.isEmpty }.map { $0.joined(separator: "\\\n") }.joined(separator: "\n\n")
    }

    static func leadingSafe(_ line: String) -> String {
        guard let first = line.first else { return line }
        if first == "-" || first == "+" || first == "=" { return "\\" + line }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, line.dropFirst(digits.count).first == "." {
            return digits + "\\" + line.dropFirst(digits.count)
        }
        return line
    }

    /// A fenced code block whose fence is longer than any backtick run in the text.
    static func codeBlock(_ text: String, info: String = "text") -> String {
        var longest = 0
        var run = 0
        for character in text {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        let body = text.hasSuffix("\n") ? String(text.dropLast()) : text
        return fence + info + "\n" + body + "\n" + fence
    }
}
