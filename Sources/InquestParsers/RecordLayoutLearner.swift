/// Learns a file's ``RecordLayout`` from its first records (at most ``recordLimit`` records or
/// ``byteLimit`` bytes), which the stream parser holds back until it is learned.
///
/// - **Time**: every candidate position (see ``RecordLayout/forEachCandidate(_:_:_:)``) where a
///   time reads is counted by its anchor (word, offset, epoch or not); the anchor found in most
///   records wins; of anchors as frequent, the one seen first, and of those first seen in the
///   same record a date-and-clock before an epoch number, then the earliest word.
/// - **Date order**: records whose all-numeric date can only be read one way (a first field over
///   12 is a day) vote; the majority settles the file's ``DateOrder``.
/// - **Level**: the first level word (lower-case words only as the first token, or marked by
///   brackets, `:` or `/`) or upper-case level letter among the eight tokens after each record's
///   time votes for its token position. Positions holding a level word in at least
///   a fifth of the records are the file's level slots; single letters count only where they fill
///   two thirds of the records (and at least two), as a level column does.
struct RecordLayoutLearner {
    static let recordLimit = 32
    static let byteLimit = 256 << 10

    /// Each anchor seen, in order of first sight, with the record it was first seen in.
    private var anchors: [(anchor: RecordLayout.TimeAnchor, count: Int, firstRecord: Int)] = []
    private var dayFirstVotes = 0
    private var monthFirstVotes = 0
    private var wordHits = [Int](repeating: 0, count: RecordLayout.levelTokens)
    private var letterHits = [Int](repeating: 0, count: RecordLayout.levelTokens)
    private(set) var records = 0
    private var bytes = 0

    /// Whether enough has been seen.
    var isComplete: Bool { records >= Self.recordLimit || bytes >= Self.byteLimit }

    /// Looks at one record's first line.
    mutating func observe(_ b: Bytes) {
        records += 1
        bytes += b.count
        let end = b.count
        var timeEnd: Int?
        var seen: [RecordLayout.TimeAnchor] = []
        RecordLayout.forEachCandidate(b, end) { start, word, offset in
            let epochShaped = TimeScanner.digitRun(b, start, end) >= 9
            guard let (found, after) = TimeScanner.scan(b, at: start, end: end, epoch: epochShaped, epochDigits: 10...13),
                  RecordLayout.endsCleanly(b, after, end) else { return false }
            let anchor = RecordLayout.TimeAnchor(word: word, offset: offset, epoch: found.epochNanos != nil)
            if !seen.contains(anchor) { seen.append(anchor) }
            if found.epochNanos == nil {
                if timeEnd == nil { timeEnd = after }
                switch TimeScanner.orderEvidence(b, at: start, end: end) {
                case .dayFirst: dayFirstVotes += 1
                case .monthFirst: monthFirstVotes += 1
                case nil: break
                }
            }
            return seen.count >= 4
        }
        if timeEnd == nil, let epoch = seen.first {
            timeEnd = RecordLayout.position(b, end, word: epoch.word, offset: epoch.offset).map { start in
                start + TimeScanner.digitRun(b, start, end)
            }
        }
        for anchor in seen {
            if let index = anchors.firstIndex(where: { $0.anchor == anchor }) {
                anchors[index].count += 1
            } else if anchors.count < 32 {
                anchors.append((anchor, 1, records))
            }
        }
        observeLevel(b, from: timeEnd ?? 0, end)
    }

    private mutating func observeLevel(_ b: Bytes, from: Int, _ end: Int) {
        var i = from
        var slot = 0
        while slot < RecordLayout.levelTokens, let token = RecordLayout.nextToken(b, &i, end) {
            if let (_, text) = LevelWords.classifyToken(b, token.lowerBound, token.upperBound),
               slot == 0 || RecordLayout.isMarked(b, token, text) {
                wordHits[slot] += 1
                return
            }
            if LevelWords.letter(b, token) != nil {
                letterHits[slot] += 1
                return
            }
            slot += 1
        }
    }

    /// The layout the observed records show.
    func layout() -> RecordLayout {
        var layout = RecordLayout()
        layout.isLearned = true
        var best: (anchor: RecordLayout.TimeAnchor, count: Int, firstRecord: Int)?
        for candidate in anchors {
            guard let current = best else {
                best = candidate
                continue
            }
            if candidate.count > current.count
                || candidate.count == current.count && current.anchor.epoch && !candidate.anchor.epoch
                    && candidate.firstRecord == current.firstRecord {
                best = candidate
            }
        }
        layout.time = best?.anchor
        if dayFirstVotes != monthFirstVotes { layout.dateOrder = dayFirstVotes > monthFirstVotes ? .dayFirst : .monthFirst }
        for slot in 0..<RecordLayout.levelTokens {
            let bit: UInt8 = 1 << UInt8(slot)
            if wordHits[slot] > 0, wordHits[slot] * 5 >= records { layout.levelSlots |= bit }
            if letterHits[slot] >= 2, letterHits[slot] * 3 >= records * 2 {
                layout.levelSlots |= bit
                layout.letterSlots |= bit
            }
        }
        return layout
    }
}
