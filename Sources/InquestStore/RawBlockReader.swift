import Foundation
import GRDB

/// Restores events' raw records from their blocks while a read transaction reads full events,
/// keeping the last few blocks it restored: events read in time order share blocks, one run of
/// blocks per source file, so a page or an export that interleaves a few sources decompresses
/// each block once.
struct RawBlockReader {
    /// Restored blocks kept, least recently used first out.
    static let keptBlocks = 8
    private var kept: [(id: Int64, bytes: [UInt8])] = []

    /// The raw record of the event in `row` (read with ``Event/selection``): the row's own
    /// `raw` for events stored before blocks existed, else its bytes in its block.
    mutating func raw(of row: Row, id: Int64, in db: Database) throws -> [UInt8] {
        guard let block = row["raw_block"] as Int64? else {
            return [UInt8](row["raw"] as Data? ?? Data())
        }
        let offset: Int = row["raw_offset"] ?? 0
        let length: Int = row["raw_length"] ?? 0
        let bytes = try blockBytes(block, in: db)
        guard offset >= 0, length >= 0, offset <= bytes.count, length <= bytes.count - offset else {
            throw StoreError.corruptRow(
                table: "event", id: id, column: "raw_offset",
                value: "\(offset)+\(length) outside raw block \(block) of \(bytes.count) bytes")
        }
        return Array(bytes[offset..<(offset + length)])
    }

    private mutating func blockBytes(_ id: Int64, in db: Database) throws -> [UInt8] {
        if let index = kept.firstIndex(where: { $0.id == id }) {
            let block = kept.remove(at: index)
            kept.append(block)
            return block.bytes
        }
        guard let row = try Row.fetchOne(db, sql: "SELECT codec, raw_length, bytes FROM raw_block WHERE id = ?", arguments: [id]) else {
            throw StoreError.corruptRow(table: "raw_block", id: id, column: "id", value: "missing")
        }
        let codec: Int64 = row["codec"]
        let rawLength: Int = row["raw_length"]
        let stored = row["bytes"] as Data? ?? Data()
        let bytes: [UInt8]?
        switch codec {
        case RawBlockCodec.stored:
            bytes = stored.count == rawLength ? [UInt8](stored) : nil
        case RawBlockCodec.zstandard:
            bytes = stored.withUnsafeBytes { RawBlockCodec.decompress($0, rawLength: rawLength) }
        default:
            throw StoreError.corruptRow(table: "raw_block", id: id, column: "codec", value: "\(codec)")
        }
        guard let bytes else {
            throw StoreError.corruptRow(
                table: "raw_block", id: id, column: "bytes", value: "\(stored.count) bytes that do not restore \(rawLength)")
        }
        if kept.count == Self.keptBlocks { kept.removeFirst() }
        kept.append((id, bytes))
        return bytes
    }
}
