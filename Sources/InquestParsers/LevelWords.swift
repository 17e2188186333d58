import InquestCore

/// Classifies level words straight from bytes (no String on the common path).
///
/// Two strengths: a level *field* (`"level":"w"`) accepts every word ``Severity/init(levelText:)``
/// knows, single letters included. A word found in free *text* (a token after a record's time)
/// only counts when it is upper-case (`WARN`, `ERR`, `LOG`), bracketed (`[warn]`, `<error>`), or
/// one of the unambiguous words `error warn warning fatal critical panic debug info information
/// notice severe emerg` in any case, also as the prefix of `word/Component` — so "stack trace",
/// "all done" or a copyright `(C)` do not set a level. Single letters (`V D I W E F A`, Android
/// and glog) count only where a file's layout puts its levels (``letter(_:_:)``).
enum LevelWords {
    private static let table: [UInt64: Severity] = {
        var table: [UInt64: Severity] = [:]
        let words: [(String, Severity)] = [
            ("trace", .debug), ("debug", .debug), ("dbg", .debug), ("fine", .debug), ("finer", .debug),
            ("finest", .debug), ("verbose", .debug), ("d", .debug), ("t", .debug), ("v", .debug), ("all", .debug),
            ("info", .info), ("notice", .info), ("information", .info), ("informational", .info), ("log", .info), ("inf", .info), ("i", .info), ("config", .info), ("ok", .info),
            ("warn", .warning), ("warning", .warning), ("wrn", .warning), ("w", .warning),
            ("err", .error), ("error", .error), ("eror", .error), ("severe", .error), ("e", .error),
            ("failure", .error), ("fail", .error),
            ("fatal", .critical), ("crit", .critical), ("critical", .critical), ("alert", .critical),
            ("emerg", .critical), ("emergency", .critical), ("panic", .critical), ("a", .critical), ("f", .critical), ("c", .critical), ("dpanic", .critical),
        ]
        for (word, severity) in words {
            table[pack(Array(word.utf8))] = severity
        }
        return table
    }()

    /// The table as sorted parallel arrays for an allocation-free binary search on the hot path.
    private static let sortedKeys: [UInt64] = table.keys.sorted()
    private static let sortedSeverities: [Severity] = sortedKeys.map { table[$0] ?? .info }

    @inline(__always) private static func lookup(_ key: UInt64) -> Severity? {
        var low = 0
        var high = sortedKeys.count
        while low < high {
            let mid = (low + high) >> 1
            let value = sortedKeys[mid]
            if value == key { return sortedSeverities[mid] }
            if value < key { low = mid + 1 } else { high = mid }
        }
        return nil
    }

    private static let unambiguous: [UInt64] =
        ["error", "warn", "warning", "fatal", "critical", "panic", "debug", "info", "information", "informational",
         "notice", "severe", "emerg"]
            .map { pack(Array($0.utf8)) }

    /// Five bits per letter (1–26), so words of up to 12 letters pack without collisions.
    private static func pack(_ bytes: [UInt8]) -> UInt64 {
        bytes.reduce(UInt64(0)) { $0 << 5 | UInt64((ASCII.lowered($1) &- 0x60) & 0x1F) }
    }

    /// Packs up to 12 letters case-insensitively; nil when longer or containing a non-letter.
    @inline(__always) private static func packed(_ b: Bytes, _ start: Int, _ end: Int) -> UInt64? {
        guard end > start, end - start <= 12 else { return nil }
        var value: UInt64 = 0
        for i in start..<end {
            let byte = b[i]
            guard ASCII.isLetter(byte) else { return nil }
            value = value << 5 | UInt64(((byte | 0x20) &- 0x60) & 0x1F)
        }
        return value
    }

    /// The severity of a level field's value, or nil when it is not a known word.
    static func field(_ b: Bytes, _ start: Int, _ end: Int) -> Severity? {
        if let key = packed(b, start, end) { return lookup(key) }
        guard end - start <= 16 else { return nil }
        return Severity(levelText: b.string(start, end))
    }

    /// The severity of a word in free text under the stricter rule above.
    static func word(_ b: Bytes, _ start: Int, _ end: Int, bracketed: Bool) -> Severity? {
        guard end - start >= 3, let key = packed(b, start, end), let severity = lookup(key) else {
            return nil
        }
        if bracketed { return severity }
        var upper = true
        for i in start..<end where !ASCII.isUpper(b[i]) {
            upper = false
            break
        }
        return upper || unambiguous.contains(key) ? severity : nil
    }

    /// The first level word among the first `maxWords` words of `start..<end`, with its range
    /// (without brackets or a trailing colon).
    static func find(in b: Bytes, _ start: Int, _ end: Int, maxWords: Int) -> (Severity, Range<Int>)? {
        var i = start
        var words = 0
        while i < end && words < maxWords {
            while i < end && ASCII.isSpace(b[i]) { i += 1 }
            guard i < end else { return nil }
            var wordEnd = i
            while wordEnd < end && !ASCII.isSpace(b[wordEnd]) { wordEnd += 1 }
            if let found = classifyToken(b, i, wordEnd) { return found }
            words += 1
            i = wordEnd
        }
        return nil
    }

    /// A whitespace-delimited token as a level word: `WARN`, `WARN:`, `[warn]`, `<error>`, `(info)`,
    /// `warning/Component:`.
    static func classifyToken(_ b: Bytes, _ start: Int, _ end: Int) -> (Severity, Range<Int>)? {
        var s = start
        var e = end
        guard e > s else { return nil }
        let open = b[s]
        var bracketed = false
        if open == ASCII.openBracket || open == ASCII.lessThan || open == ASCII.openParen {
            s += 1
            while e > s, !ASCII.isLetter(b[e - 1]) { e -= 1 }
            bracketed = true
        } else {
            while e > s, b[e - 1] == ASCII.colon || b[e - 1] == ASCII.comma || b[e - 1] == ASCII.closeBracket { e -= 1 }
            if let slash = b.firstIndex(of: ASCII.slash, from: s, to: e), slash - s >= 3 { e = slash }
        }
        guard let severity = word(b, s, e, bracketed: bracketed) else { return nil }
        return (severity, s..<e)
    }

    /// The severity of a single upper-case level letter token (`V D I W E F A`), as Android logcat
    /// and glog write them; only asked where a file's layout puts single-letter levels.
    static func letter(_ b: Bytes, _ range: Range<Int>) -> Severity? {
        guard range.count == 1 else { return nil }
        switch b[range.lowerBound] {
        case 0x56, 0x44: return .debug
        case 0x49: return .info
        case 0x57: return .warning
        case 0x45: return .error
        case 0x46, 0x41: return .critical
        default: return nil
        }
    }

    /// Severity from a number level: bunyan/pino (10…60), else syslog (0…7).
    static func numeric(_ value: Int) -> Severity? {
        if let severity = Severity(bunyanLevel: value) { return severity }
        if (0...7).contains(value) { return Severity(syslogSeverity: value) }
        return nil
    }
}
