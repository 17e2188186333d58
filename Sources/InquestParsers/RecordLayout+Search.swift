import InquestCore

extension RecordLayout {
    /// A time found in a line: its value and where it was written.
    struct FoundTime {
        var time: WrittenTime
        var start: Int
        var end: Int
    }

    /// The time of the line `0..<end` under this layout (see the type's documentation).
    func findTime(_ b: Bytes, _ end: Int) -> FoundTime? {
        if let anchor = time {
            if let start = Self.position(b, end, word: anchor.word, offset: anchor.offset),
               let (found, after) = TimeScanner.scan(b, at: start, end: end, epoch: anchor.epoch, epochDigits: 9...19, order: dateOrder),
               Self.endsCleanly(b, after, end) {
                return FoundTime(time: found, start: start, end: after)
            }
            return Self.search(b, end, epoch: false, order: dateOrder)
        }
        return Self.search(b, end, epoch: !isLearned, order: dateOrder)
    }

    /// The first date-and-clock among the candidate positions of the line, else (when `epoch`)
    /// the first 10- to 13-digit epoch number.
    static func search(_ b: Bytes, _ end: Int, epoch: Bool, order: DateOrder?) -> FoundTime? {
        var firstEpoch: FoundTime?
        var result: FoundTime?
        forEachCandidate(b, end) { start, _, _ in
            let digits = TimeScanner.digitRun(b, start, end)
            let isEpochShaped = digits >= 9
            if let (found, after) = TimeScanner.scan(b, at: start, end: end, epoch: isEpochShaped && epoch,
                                                     epochDigits: 10...13, order: order),
               endsCleanly(b, after, end) {
                if found.epochNanos == nil {
                    result = FoundTime(time: found, start: start, end: after)
                    return true
                }
                if firstEpoch == nil { firstEpoch = FoundTime(time: found, start: start, end: after) }
            }
            return false
        }
        return result ?? firstEpoch
    }

    /// Calls `body(start, word, offset)` for each position in the first ``searchWords`` words and
    /// ``searchBytes`` bytes where a time may start: a digit or letter at a word start or after
    /// `[ ( < > = " ' | , ; {` inside a word (`msg=audit(1485893834.891:…`). Stops when `body`
    /// returns true.
    @inline(__always)
    static func forEachCandidate(_ b: Bytes, _ end: Int, _ body: (Int, Int, Int) -> Bool) {
        let limit = min(end, searchBytes)
        var word = -1
        var wordStart = 0
        var previous: UInt8 = ASCII.space
        var i = 0
        while i < limit {
            let byte = b[i]
            if ASCII.isSpace(byte) {
                previous = byte
                i += 1
                continue
            }
            if ASCII.isSpace(previous) {
                word += 1
                guard word < searchWords else { return }
                wordStart = i
            }
            if ASCII.isDigit(byte) || ASCII.isLetter(byte), ASCII.isSpace(previous) || isBoundary(previous) {
                if body(i, word, i - wordStart) { return }
            }
            previous = byte
            i += 1
        }
    }

    @inline(__always) private static func isBoundary(_ byte: UInt8) -> Bool {
        switch byte {
        case ASCII.openBracket, ASCII.openParen, ASCII.lessThan, ASCII.greaterThan, ASCII.equals, ASCII.quote,
             0x27, 0x7C, ASCII.comma, 0x3B, ASCII.openBrace: return true
        default: return false
        }
    }

    /// The index `offset` bytes into the `word`-th word of the line, or nil when the line is shorter.
    static func position(_ b: Bytes, _ end: Int, word: Int, offset: Int) -> Int? {
        var i = 0
        var current = -1
        while i < end {
            while i < end, ASCII.isSpace(b[i]) { i += 1 }
            guard i < end else { return nil }
            current += 1
            if current == word {
                let start = i + offset
                var wordEnd = i
                while wordEnd < end, !ASCII.isSpace(b[wordEnd]) { wordEnd += 1 }
                return start < wordEnd ? start : nil
            }
            while i < end, !ASCII.isSpace(b[i]) { i += 1 }
        }
        return nil
    }

    /// A time must not run on into a word (`2024-01-01T10:00:00abc` is no time).
    @inline(__always) static func endsCleanly(_ b: Bytes, _ after: Int, _ end: Int) -> Bool {
        after >= end || !ASCII.isLetter(b[after])
    }
}
