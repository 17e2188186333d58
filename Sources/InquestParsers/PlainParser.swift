import InquestCore

/// Parses a line (or a folded group of lines) of unknown shape: never fails.
///
/// The time and level are read where the file's ``RecordLayout`` says (see there; before it is
/// learned: the first date-and-clock at a candidate position of the first ten words, else a 10-
/// to 13-digit epoch number; the first level word among the first three tokens after the time).
/// Without a time the stream parser gives the record the previous record's time and marks it
/// `.missing`. Around a level found after the time, all-digit tokens before it become `pid` and
/// `thread`, and a `Name:` token right after it becomes `component` (logcat's
/// `1702  2395 D WindowManager:`). The message is the whole text. Invalid UTF-8 is decoded with
/// U+FFFD replacement; the raw bytes keep the original.
enum PlainParser {
    static func parse(_ b: Bytes, layout: RecordLayout = .unknown) -> EventDraft {
        var draft = EventDraft()
        let n = b.count
        let firstLineEnd = b.firstIndex(of: ASCII.newline, from: 0, to: n) ?? n
        var timeEnd = 0
        var timeStart = 0
        if let found = layout.findTime(b, firstLineEnd) {
            draft.time = found.time
            draft.timestampText = b.string(found.start, found.end)
            timeStart = found.start
            timeEnd = found.end
        }
        if let level = layout.findLevel(b, from: timeEnd, firstLineEnd) {
            draft.severity = level.severity
            draft.levelText = b.string(level.text.lowerBound, level.text.upperBound)
            if level.slot > 0 { idsBefore(b, from: timeEnd, to: level.token.lowerBound, into: &draft) }
            component(b, after: level.token.upperBound, firstLineEnd, into: &draft)
        } else if timeStart > 0, let level = RecordLayout.unknown.findLevel(b, from: 0, timeStart) {
            draft.severity = level.severity
            draft.levelText = b.string(level.text.lowerBound, level.text.upperBound)
        }
        var end = n
        while end > 0, ASCII.isSpace(b[end - 1]) { end -= 1 }
        draft.message = b.string(0, end)
        return draft
    }

    /// All-digit tokens between the time and the level: the first is `pid`, the second `thread`.
    private static func idsBefore(_ b: Bytes, from: Int, to: Int, into draft: inout EventDraft) {
        var i = from
        var count = 0
        while count < 2, let token = RecordLayout.nextToken(b, &i, to) {
            let digits = TimeScanner.digitRun(b, token.lowerBound, token.upperBound)
            guard digits == token.count else { return }
            let key: StaticString = count == 0 ? "pid" : "thread"
            draft.attributes.appendText(key: key.bytes, value: b.slice(token.lowerBound, token.upperBound))
            count += 1
        }
    }

    /// A `Name:` token (letters first, no spaces, up to 64 bytes) right after the level.
    private static func component(_ b: Bytes, after: Int, _ end: Int, into draft: inout EventDraft) {
        let start = b.skipSpaces(from: after)
        var i = start
        while i < end, i - start <= 64, !ASCII.isSpace(b[i]) { i += 1 }
        guard i > start + 1, i - start <= 64, b[i - 1] == ASCII.colon, ASCII.isLetter(b[start]) else { return }
        draft.attributes.appendText(key: StaticString("component").bytes, value: b.slice(start, i - 1), inferTypes: false)
    }
}
