import InquestCore

extension RecordLayout {
    /// A level found in a line: its severity, the level text and the index of the token it is in
    /// (counted after the time).
    struct FoundLevel {
        var severity: Severity
        var text: Range<Int>
        var token: Range<Int>
        var slot: Int
    }

    /// The level of the line `from..<end` (`from` is where the time ended, or 0): at the learned
    /// slots when the file has them, else the first level word among the first three tokens
    /// (a lower-case word only as the first token, or with a `:`), never a single letter.
    func findLevel(_ b: Bytes, from: Int, _ end: Int) -> FoundLevel? {
        var i = from
        var slot = 0
        let learned = levelSlots != 0
        let lastSlot = learned ? 8 - levelSlots.leadingZeroBitCount : 3
        while slot < lastSlot, let token = Self.nextToken(b, &i, end) {
            let bit: UInt8 = 1 << UInt8(slot)
            if !learned || levelSlots & bit != 0 {
                if let (severity, text) = LevelWords.classifyToken(b, token.lowerBound, token.upperBound),
                   learned || slot == 0 || Self.isMarked(b, token, text) {
                    return FoundLevel(severity: severity, text: text, token: token, slot: slot)
                }
                if letterSlots & bit != 0, let severity = LevelWords.letter(b, token) {
                    return FoundLevel(severity: severity, text: token, token: token, slot: slot)
                }
            }
            slot += 1
        }
        return nil
    }

    /// Whether a level word away from the first token is marked as one: bracketed, upper-case,
    /// followed by `:` or `/`.
    static func isMarked(_ b: Bytes, _ token: Range<Int>, _ text: Range<Int>) -> Bool {
        if text.lowerBound > token.lowerBound || text.upperBound < token.upperBound { return true }
        for i in text where !ASCII.isUpper(b[i]) { return false }
        return true
    }

    /// The next token at or after `i` (skipping spaces, `]`, `)`, `,` and lone `-` `|` `:`): a
    /// `[bracketed group]` (inner spaces allowed, `[INFO ]`) or a run up to a space or `[`.
    static func nextToken(_ b: Bytes, _ i: inout Int, _ end: Int) -> Range<Int>? {
        while i < end {
            let byte = b[i]
            if ASCII.isSpace(byte) || byte == ASCII.closeBracket || byte == ASCII.closeParen || byte == ASCII.comma {
                i += 1
            } else if byte == ASCII.minus || byte == 0x7C || byte == ASCII.colon, i + 1 >= end || ASCII.isSpace(b[i + 1]) {
                i += 1
            } else {
                break
            }
        }
        guard i < end else { return nil }
        let start = i
        if b[i] == ASCII.openBracket {
            let limit = min(end, i + 64)
            if let close = b.firstIndex(of: ASCII.closeBracket, from: i, to: limit) {
                i = close + 1
                return start..<i
            }
        }
        i += 1
        while i < end, !ASCII.isSpace(b[i]), b[i] != ASCII.openBracket { i += 1 }
        return start..<i
    }
}
