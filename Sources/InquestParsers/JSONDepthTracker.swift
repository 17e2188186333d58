/// Follows brace/bracket depth across the physical lines of a multi-line JSON record,
/// skipping string contents, to tell when the object closes.
struct JSONDepthTracker {
    private(set) var depth = 0
    private(set) var inString = false
    private var escaped = false

    /// Feeds one physical line.
    mutating func feed(_ b: Bytes) {
        for byte in b {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == ASCII.backslash {
                    escaped = true
                } else if byte == ASCII.quote {
                    inString = false
                }
                continue
            }
            switch byte {
            case ASCII.quote: inString = true
            case ASCII.openBrace, ASCII.openBracket: depth += 1
            case ASCII.closeBrace, ASCII.closeBracket: depth -= 1
            default: break
            }
        }
    }

    /// Whether the record is closed (or broken: a JSON string cannot span lines).
    var isClosed: Bool { depth <= 0 || inString }
}
