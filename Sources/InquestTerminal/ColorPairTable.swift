/// Hands out curses colour pairs lazily, one per distinct (foreground, background), up to the
/// number of pairs the terminal has. Pure bookkeeping; the backend calls `init_pair` for new ones.
public struct ColorPairTable: Sendable, Hashable {
    /// What ``pair(foreground:background:)`` decided.
    public enum Assignment: Sendable, Hashable {
        /// The pair already exists (pair 0 is the terminal's default colours).
        case existing(Int)
        /// A new pair number: call `init_pair(number, foreground, background)` before using it.
        case new(Int)
        /// Every pair is taken: draw with pair 0 (default colours, attributes still apply).
        case exhausted
    }

    private var pairs: [Key: Int] = [:]
    private var nextPair = 1
    /// Pairs 1..<limit may be allocated.
    public let limit: Int

    /// - Parameter capacity: `COLOR_PAIRS` of the terminal (capped at 32767, the largest `short`).
    public init(capacity: Int) {
        self.limit = max(1, min(capacity, 32767))
    }

    /// The pair for curses colour indices `foreground`/`background` (-1 is the default colour).
    public mutating func pair(foreground: Int, background: Int) -> Assignment {
        if foreground == -1 && background == -1 { return .existing(0) }
        let key = Key(foreground: foreground, background: background)
        if let known = pairs[key] { return .existing(known) }
        guard nextPair < limit else { return .exhausted }
        let number = nextPair
        nextPair += 1
        pairs[key] = number
        return .new(number)
    }

    /// How many pairs have been handed out.
    public var allocatedCount: Int { nextPair - 1 }

    private struct Key: Sendable, Hashable {
        let foreground: Int
        let background: Int
    }
}
