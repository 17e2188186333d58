/// A multiset of doubles kept in ascending order as a tiered vector: blocks of exactly
/// ``blockSize`` values (only the last holds fewer), each a ring with its own first slot. The
/// value at any rank is one read, found by arithmetic. Moving the values between two ranks by one
/// place shifts part of the two end blocks and turns each block in between by one slot (its first
/// value goes to the end of the block before): O(blockSize + count / blockSize) per update, about
/// 130 moves at worst for 3,000 values where one flat sorted array moves ~1,000 on average. It is
/// the order-statistics store of ``RollingRobustWindow`` and ``SeasonalBucket``; nothing allocates
/// once it has held its largest count.
struct SortedValues: Sendable {
    fileprivate static let blockShift = 6
    /// Values a block holds (a power of two, so a slot is a mask away).
    static let blockSize = 1 << blockShift
    fileprivate static let slotMask = blockSize - 1

    /// Blocks of ``blockSize`` slots each; the value at offset i of block k is in slot
    /// `k * blockSize + (heads[k] + i) % blockSize`.
    private var storage: [Double] = []
    /// The slot (within its block) of each block's first value.
    private var heads: [Int] = []
    /// How many values are held.
    private(set) var count = 0

    init() {}

    /// An empty multiset with room for `capacity` values before it allocates.
    init(capacity: Int) {
        let blocks = (max(0, capacity) + Self.slotMask) >> Self.blockShift
        storage = Array(repeating: 0, count: blocks << Self.blockShift)
        heads = Array(repeating: 0, count: blocks)
    }

    var isEmpty: Bool { count == 0 }

    /// The values, ascending.
    var ascending: [Double] { withRanks { ranks in (0..<count).map { ranks[$0] } } }

    /// The `rank`-th smallest value (0-based); `rank` must be in `0..<count`.
    func value(atRank rank: Int) -> Double {
        storage[rank & ~Self.slotMask | (heads[rank >> Self.blockShift] &+ rank) & Self.slotMask]
    }

    /// The median (mean of the two middle values for an even count); nil when empty.
    var median: Double? {
        guard count > 0 else { return nil }
        let middle = count / 2
        return count % 2 == 1 ? value(atRank: middle) : (value(atRank: middle - 1) + value(atRank: middle)) / 2
    }

    /// The median of the values less the one at `skipped` (in `0..<count`): the ranks from
    /// `skipped` on read one place further. Nil when that is the only value.
    func median(excludingRank skipped: Int) -> Double? {
        let remaining = count - 1
        guard remaining > 0 else { return nil }
        return withRanks { ranks in
            let middle = remaining / 2
            let upper = ranks[middle < skipped ? middle : middle + 1]
            guard remaining % 2 == 0 else { return upper }
            let lower = ranks[middle - 1 < skipped ? middle - 1 : middle]
            return (lower + upper) / 2
        }
    }

    /// How many values are less than `value` (the rank of the first value not less than it).
    func rank(of value: Double) -> Int {
        withRanks { $0.lowerBound(of: value, count: count) }
    }

    /// Adds `value` (before the values equal to it).
    mutating func insert(_ value: Double) {
        let rank = rank(of: value)
        if count >> Self.blockShift == heads.count {
            storage.append(contentsOf: repeatElement(0, count: Self.blockSize))
            heads.append(0)
        }
        let last = count
        count += 1
        withRings { $0.shiftUp(from: rank, to: last, placing: value) }
    }

    /// Removes one occurrence of `value`; false (and nothing changes) when it is not held.
    @discardableResult
    mutating func remove(_ value: Double) -> Bool {
        let rank = rank(of: value)
        guard rank < count, self.value(atRank: rank) == value else { return false }
        remove(atRank: rank)
        return true
    }

    /// Removes the value at `rank` (in `0..<count`).
    mutating func remove(atRank rank: Int) {
        count -= 1
        let last = count
        withRings { $0.shiftDown(from: rank, to: last, placing: 0) }
    }

    /// Replaces one occurrence of `old` with `new`, moving only the values ranked between them;
    /// false (and nothing changes) when `old` is not held.
    @discardableResult
    mutating func replace(_ old: Double, with new: Double) -> Bool {
        let (from, to) = withRanks { $0.lowerBounds(of: old, new, count: count) }
        guard from < count, value(atRank: from) == old else { return false }
        move(from: from, to: to, placing: new)
        return true
    }

    /// Replaces the value at `rank` (in `0..<count`) with `new`, moving only the values ranked
    /// between the two.
    mutating func replace(atRank rank: Int, with new: Double) {
        move(from: rank, to: self.rank(of: new), placing: new)
    }

    /// Takes out the value at rank `from` and puts `new` in its place in the order, `to` being
    /// the rank `new` would have beside the value taken out (its ``rank(of:)`` before the move).
    private mutating func move(from: Int, to: Int, placing new: Double) {
        withRings { rings in
            if to > from {
                rings.shiftDown(from: from, to: to - 1, placing: new)
            } else {
                rings.shiftUp(from: to, to: from, placing: new)
            }
        }
    }

    /// Runs `body` with reads by rank that skip the arrays' checks (ranks must be below `count`).
    func withRanks<Result>(_ body: (Ranks) -> Result) -> Result {
        storage.withUnsafeBufferPointer { storage in
            heads.withUnsafeBufferPointer { heads in body(Ranks(storage: storage, heads: heads)) }
        }
    }

    private mutating func withRings(_ body: (Rings) -> Void) {
        storage.withUnsafeMutableBufferPointer { storage in
            heads.withUnsafeMutableBufferPointer { heads in body(Rings(storage: storage, heads: heads)) }
        }
    }
}

extension SortedValues {
    /// Reads the values by rank, for the duration of ``SortedValues/withRanks(_:)``.
    struct Ranks {
        fileprivate let storage: UnsafeBufferPointer<Double>
        fileprivate let heads: UnsafeBufferPointer<Int>

        /// The `rank`-th smallest value.
        @inline(__always)
        subscript(rank: Int) -> Double {
            storage[rank & ~slotMask | (heads[rank >> blockShift] &+ rank) & slotMask]
        }

        /// How many of the first `count` values are less than `value`, in straight-line steps
        /// (see ``descend(from:_:)``): with `top` the largest power of two not above `count`, the
        /// answer is in `base ... base + top` for `base` either 0 or `count − top` (one comparison),
        /// then each step halves that span, and a last comparison settles its end. Every read is
        /// below `count`, so no step needs a bound check.
        func lowerBound(of value: Double, count: Int) -> Int {
            guard count > 0 else { return 0 }
            let top = 1 << (Int.bitWidth &- 1 &- count.leadingZeroBitCount)
            let rest = count &- top
            // A vector comparison: as a scalar choice, the compiler branches on it to specialise
            // what follows.
            var base = Int(SIMD2<Int64>(repeating: 0).replacing(
                with: Int64(rest), where: SIMD2(repeating: self[max(rest &- 1, 0)]) .< SIMD2(repeating: value))[0])
            Self.descend(from: top >> 1) { step in
                base = self[base &+ step &- 1] < value ? base &+ step : base
            }
            return self[base] < value ? base &+ 1 : base
        }

        /// ``lowerBound(of:count:)`` of two values at once: the two searches' steps interleave, so
        /// one's reads wait while the other's run.
        func lowerBounds(of first: Double, _ second: Double, count: Int) -> (Int, Int) {
            guard count > 0 else { return (0, 0) }
            let top = 1 << (Int.bitWidth &- 1 &- count.leadingZeroBitCount)
            let rest = count &- top
            // One vector comparison for both first steps (see ``lowerBound(of:count:)``).
            let bases = SIMD2<Int64>(repeating: 0).replacing(
                with: Int64(rest), where: SIMD2(repeating: self[max(rest &- 1, 0)]) .< SIMD2(first, second))
            var (base1, base2) = (Int(bases[0]), Int(bases[1]))
            Self.descend(from: top >> 1) { step in
                base1 = self[base1 &+ step &- 1] < first ? base1 &+ step : base1
                base2 = self[base2 &+ step &- 1] < second ? base2 &+ step : base2
            }
            return (self[base1] < first ? base1 &+ 1 : base1, self[base2] < second ? base2 &+ 1 : base2)
        }

        /// Runs `advance` for `top` (a power of two, or 0) and each power of two below it, in
        /// decreasing order. The steps up to 1024 are written out and entered by a jump on `top`:
        /// the compiler turns a search loop's conditional moves into branches, and a branch on a
        /// comparison of unordered data is mispredicted half the time; straight-line steps stay
        /// conditional moves.
        @inline(__always)
        private static func descend(from top: Int, _ advance: (Int) -> Void) {
            var step = top
            while step > 1024 {
                advance(step)
                step >>= 1
            }
            switch step {
            case 1024:
                advance(1024)
                fallthrough
            case 512:
                advance(512)
                fallthrough
            case 256:
                advance(256)
                fallthrough
            case 128:
                advance(128)
                fallthrough
            case 64:
                advance(64)
                fallthrough
            case 32:
                advance(32)
                fallthrough
            case 16:
                advance(16)
                fallthrough
            case 8:
                advance(8)
                fallthrough
            case 4:
                advance(4)
                fallthrough
            case 2:
                advance(2)
                fallthrough
            case 1:
                advance(1)
            default:
                break
            }
        }

        /// The first rank in `low ..< high` whose value is not less than `value` (`high` if none),
        /// when the values below `low` are less than it.
        func lowerBound(of value: Double, from low: Int, to high: Int) -> Int {
            guard low < high else { return low }
            // The answer stays in base ... base + length. (A loop: the compiler branches on each
            // step, see ``descend(from:_:)``; the searches that use it span a few ranks.)
            var base = low
            var length = high &- low
            while length > 1 {
                let half = length / 2
                base = self[base &+ half &- 1] < value ? base &+ half : base
                length &-= half
            }
            return self[base] < value ? base &+ 1 : base
        }

        /// ``lowerBound(of:count:)`` searched outward from `hint` in doubling steps: O(log d) reads
        /// for an answer d ranks from the hint (a window's median is near its middle rank).
        func lowerBound(of value: Double, count: Int, near hint: Int) -> Int {
            guard count > 0 else { return 0 }
            let start = min(max(hint, 0), count - 1)
            var step = 1
            if self[start] < value {
                var low = start + 1
                var probe = start + step
                while probe < count, self[probe] < value {
                    low = probe + 1
                    step *= 2
                    probe = start + step
                }
                return lowerBound(of: value, from: low, to: min(probe, count))
            }
            var high = start
            var probe = start - step
            while probe >= 0, !(self[probe] < value) {
                high = probe
                step *= 2
                probe = start - step
            }
            return lowerBound(of: value, from: max(probe + 1, 0), to: high)
        }
    }

    /// Moves values between ranks, for the duration of ``SortedValues/withRings(_:)``.
    fileprivate struct Rings {
        let storage: UnsafeMutableBufferPointer<Double>
        let heads: UnsafeMutableBufferPointer<Int>

        /// The value at `offset` of `block`.
        @inline(__always)
        subscript(offset: Int, block: Int) -> Double {
            get { storage[block << blockShift | (heads[block] &+ offset) & slotMask] }
            nonmutating set { storage[block << blockShift | (heads[block] &+ offset) & slotMask] = newValue }
        }

        /// Turns `block`'s ring by `step` slots: what was at offset `step` is now at 0.
        @inline(__always)
        func turn(_ block: Int, by step: Int) {
            heads[block] = (heads[block] &+ step) & slotMask
        }

        /// The values at ranks `low + 1 ... high` move to `low ..< high`; `value` goes to `high`.
        /// Every block before the one of `high` must be full.
        func shiftDown(from low: Int, to high: Int, placing value: Double) {
            let (first, last) = (low >> blockShift, high >> blockShift)
            let (start, end) = (low & slotMask, high & slotMask)
            guard first < last else {
                pullDown(first, from: start, to: end)
                self[end, first] = value
                return
            }
            pullDown(first, from: start, to: slotMask)
            // Each block in between gives its first value to the end of the one before (whose
            // last slot is just before its first, the head known from the step before).
            var previousHead = heads[first]
            for block in (first + 1)..<last {
                let head = heads[block]
                storage[(block &- 1) << blockShift | (previousHead &+ slotMask) & slotMask] = storage[block << blockShift | head]
                previousHead = (head &+ 1) & slotMask
                heads[block] = previousHead
            }
            self[slotMask, last - 1] = self[0, last]
            pullDown(last, from: 0, to: end)
            self[end, last] = value
        }

        /// The values at ranks `low ..< high` move to `low + 1 ... high`; `value` goes to `low`.
        /// Every block before the one of `high` must be full.
        func shiftUp(from low: Int, to high: Int, placing value: Double) {
            let (first, last) = (low >> blockShift, high >> blockShift)
            let (start, end) = (low & slotMask, high & slotMask)
            guard first < last else {
                pushUp(first, from: start, to: end)
                self[start, first] = value
                return
            }
            pushUp(last, from: 0, to: end)
            self[0, last] = self[slotMask, last - 1]
            // Each block in between takes the last value of the one before as its new first.
            var block = last - 1
            while block > first {
                let head = (heads[block] &+ slotMask) & slotMask
                heads[block] = head
                let before = block &- 1
                storage[block << blockShift | head] = storage[before << blockShift | (heads[before] &+ slotMask) & slotMask]
                block = before
            }
            pushUp(first, from: start, to: slotMask)
            self[start, first] = value
        }

        /// Offsets `start + 1 ... end` of `block` move to `start ..< end`, one contiguous run of
        /// slots (a `memmove`) at a time.
        func pullDown(_ block: Int, from start: Int, to end: Int) {
            guard let base = storage.baseAddress else { return }
            let origin = base + block << blockShift
            let head = heads[block]
            var offset = start
            while offset < end {
                let source = (head &+ offset &+ 1) & slotMask
                guard source > 0 else {
                    origin[slotMask] = origin[0]
                    offset += 1
                    continue
                }
                let run = min(end - offset, blockSize - source)
                (origin + source - 1).update(from: origin + source, count: run)
                offset += run
            }
        }

        /// Offsets `start ..< end` of `block` move to `start + 1 ... end`, one contiguous run of
        /// slots (a `memmove`) at a time.
        func pushUp(_ block: Int, from start: Int, to end: Int) {
            guard let base = storage.baseAddress else { return }
            let origin = base + block << blockShift
            let head = heads[block]
            var offset = end
            while offset > start {
                let target = (head &+ offset) & slotMask
                guard target > 0 else {
                    origin[0] = origin[slotMask]
                    offset -= 1
                    continue
                }
                let run = min(offset - start, target)
                (origin + target - run + 1).update(from: origin + target - run, count: run)
                offset -= run
            }
        }
    }
}
