/// How deeply an event's attributes (a JSON object text) may nest, and how deep they do.
///
/// Filters on attributes run SQLite's JSON functions over the whole text, and those refuse
/// anything nested more than 1,000 levels as "malformed JSON". One event stored deeper would make
/// every attribute filter fail store-wide, so everything that stores attributes (the parsers, the
/// bundle importer) refuses them beyond ``maximumDepth`` on the way in.
public enum AttributesNesting {
    /// The deepest nesting stored, counting the attributes object itself as 1 (far below SQLite's
    /// 1,000, far beyond what a log record needs).
    public static let maximumDepth = 256

    /// The deepest nesting of objects and arrays in `bytes` (0 for a scalar), skipping strings.
    /// Counts brackets only: it says nothing about whether the text is valid JSON.
    public static func depth<Bytes: Sequence<UInt8>>(of bytes: Bytes) -> Int {
        var depth = 0
        var deepest = 0
        var inString = false
        var escaped = false
        for byte in bytes {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == 0x5C {
                    escaped = true
                } else if byte == 0x22 {
                    inString = false
                }
                continue
            }
            switch byte {
            case 0x22:
                inString = true
            case 0x7B, 0x5B:
                depth += 1
                if depth > deepest { deepest = depth }
            case 0x7D, 0x5D:
                depth -= 1
            default:
                break
            }
        }
        return deepest
    }
}
