/// Gathers consecutive raw records into blocks of about ``RawBlockCodec/targetBlockBytes``
/// and compresses each block when it is full (see ``EncodedEvents``).
struct RawBlockGatherer {
    /// Where one record went: its block (an index into the blocks of the whole batch) and its
    /// bytes in the block.
    struct Place {
        var block: Int
        var offset: Int
        var length: Int
    }

    private let firstBlock: Int
    private var sealed: [EncodedEvents.RawBlock] = []
    private var pending: [UInt8] = []
    /// Records in `pending` (empty records count: their place names the block).
    private var pendingRecords = 0
    private let compressor = RawBlockCodec.Compressor()

    /// `firstBlock`: how many blocks the batch already has, so places index the batch's blocks.
    init(firstBlock: Int) {
        self.firstBlock = firstBlock
    }

    mutating func add(_ raw: [UInt8]) -> Place {
        if pendingRecords > 0 && pending.count + raw.count > RawBlockCodec.targetBlockBytes {
            seal()
        }
        let place = Place(block: firstBlock + sealed.count, offset: pending.count, length: raw.count)
        pending.append(contentsOf: raw)
        pendingRecords += 1
        return place
    }

    /// The blocks, the last one sealed too.
    mutating func finish() -> [EncodedEvents.RawBlock] {
        if pendingRecords > 0 { seal() }
        return sealed
    }

    private mutating func seal() {
        let frame = pending.withUnsafeBytes { compressor.compress($0) }
        // Without a frame (the library could not get memory) the block is kept as it is, codec 0.
        sealed.append(EncodedEvents.RawBlock(frame: frame ?? pending, rawLength: pending.count, compressed: frame != nil))
        pending.removeAll(keepingCapacity: true)
        pendingRecords = 0
    }
}
