import InquestCore

/// Parses a line (or a folded group of lines) of unknown shape: never fails.
///
/// The time is the first one found at the start of one of the first six words (within 64 bytes;
/// any shape ``TimeScanner`` reads, including a 10- or 13-digit epoch number); without one the
/// stream parser gives the record the previous record's time and marks it `.missing`.
/// The severity is the first level word among the first twelve words under the strict free-text
/// rule of ``LevelWords``. The message is the whole text. Invalid UTF-8 is decoded with U+FFFD
/// replacement; the raw bytes keep the original.
enum PlainParser {
    static func parse(_ b: Bytes) -> EventDraft {
        var draft = EventDraft()
        let n = b.count
        let firstLineEnd = b.firstIndex(of: ASCII.newline, from: 0, to: n) ?? n
        let limit = min(firstLineEnd, 64)
        var i = 0
        var words = 0
        while i < limit && words < 6 {
            i = b.skipSpaces(from: i)
            guard i < limit else { break }
            var start = i
            if b[start] == ASCII.openBracket || b[start] == ASCII.openParen { start += 1 }
            if let (time, after) = TimeScanner.scan(b, at: start, end: firstLineEnd, epoch: true, epochDigits: 10...13),
               after >= firstLineEnd || !ASCII.isLetter(b[after]) {
                draft.time = time
                draft.timestampText = b.string(start, after)
                break
            }
            while i < limit, !ASCII.isSpace(b[i]) { i += 1 }
            words += 1
        }
        if let (severity, range) = LevelWords.find(in: b, 0, firstLineEnd, maxWords: 12) {
            draft.severity = severity
            draft.levelText = b.string(range.lowerBound, range.upperBound)
        }
        var end = n
        while end > 0, ASCII.isSpace(b[end - 1]) { end -= 1 }
        draft.message = b.string(0, end)
        return draft
    }
}
