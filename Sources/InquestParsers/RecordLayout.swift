/// Where one file's records keep their time and their level, learned from its first records
/// (``RecordLayoutLearner``) and then used for every record of the file.
///
/// Before it is learned the parsers search as for a file they know nothing about. Once learned, a
/// record's time is read at the learned anchor (the same word and byte offset into it), so a
/// number in a message body is never taken for the time of a file whose records start with one;
/// a record without a time there is searched again for a date and clock only (never an epoch
/// number, unless the anchor is one). Its level is read at the learned token positions after the
/// time, so a level word in the free text of a message does not set the level.
struct RecordLayout: Sendable, Equatable {
    /// Where the time starts: `offset` bytes into the `word`-th space-separated word.
    struct TimeAnchor: Sendable, Equatable, Hashable {
        var word: Int
        var offset: Int
        /// Whether the time there is an epoch number.
        var epoch: Bool
    }

    /// The time's position; nil when the learning records had none.
    var time: TimeAnchor?
    /// How all-numeric dates of this file read; nil when no record settled it.
    var dateOrder: DateOrder?
    /// Bit k: the k-th token after the time (or after the line start when there is no time)
    /// holds the level in this file.
    var levelSlots: UInt8 = 0
    /// Bit k: that slot holds single-letter levels (`D`, `W`), as Android logcat writes them.
    var letterSlots: UInt8 = 0
    /// False until learned.
    var isLearned = false

    /// What the parsers assume of a file they have learned nothing about.
    static let unknown = RecordLayout()

    /// How many words and bytes of a line are searched for a time.
    static let searchWords = 10
    static let searchBytes = 160
    /// How many tokens after the time are looked at for a level.
    static let levelTokens = 8
}
