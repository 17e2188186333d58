import CZstd

/// Compresses the raw records of stored events a block at a time, and restores them.
///
/// Why blocks: an event's raw record (the input line, kept byte for byte) was about half of
/// each stored row, and SQLite's cost on this machine follows the bytes it writes (every page
/// goes to the WAL, then to the database file). Raw records are read one event at a time (the
/// details pane, a report, a bundle), so they need not sit in the row. Consecutive records
/// compressed together with Zstandard (level 1, blocks of up to ``targetBlockBytes``) shrink
/// 4–5× on log lines (bench JSON lines: 209 MB → 43 MB) for about 0.55 s of one core per
/// million lines, spent on the parsing thread; restoring one record decompresses its block
/// (≤ 128 KiB, about 0.1 ms).
enum RawBlockCodec {
    /// The `raw_block.codec` value of records stored as they are.
    static let stored: Int64 = 0
    /// The `raw_block.codec` value of a Zstandard frame.
    static let zstandard: Int64 = 1
    /// Zstandard's fastest regular level: level 3 compressed the bench lines only 3% better for twice the time.
    static let compressionLevel: Int32 = 1
    /// Raw bytes gathered before a block is sealed (a longer record gets a block of its own).
    static let targetBlockBytes = 128 * 1024

    /// A compression context, reused for every block of one batch.
    final class Compressor {
        private let context: OpaquePointer?

        init() {
            context = ZSTD_createCCtx()
        }

        deinit {
            ZSTD_freeCCtx(context)
        }

        /// The Zstandard frame of `raw`, or nil if the library refused (no memory).
        func compress(_ raw: UnsafeRawBufferPointer) -> [UInt8]? {
            guard let context else { return nil }
            let bound = ZSTD_compressBound(raw.count)
            var failed = false
            let frame = [UInt8](unsafeUninitializedCapacity: bound) { buffer, initialized in
                let written = ZSTD_compressCCtx(
                    context, buffer.baseAddress, bound, raw.baseAddress, raw.count, compressionLevel)
                if ZSTD_isError(written) != 0 {
                    failed = true
                    initialized = 0
                } else {
                    initialized = written
                }
            }
            return failed ? nil : frame
        }
    }

    /// The bytes of a block whose frame is `frame` and whose raw length was `rawLength`, or nil
    /// when the frame is damaged or does not restore exactly that many bytes.
    static func decompress(_ frame: UnsafeRawBufferPointer, rawLength: Int) -> [UInt8]? {
        guard rawLength >= 0 else { return nil }
        if rawLength == 0 { return [] }
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: rawLength) { buffer, initialized in
            let restored = ZSTD_decompress(buffer.baseAddress, rawLength, frame.baseAddress, frame.count)
            if ZSTD_isError(restored) != 0 || restored != rawLength {
                failed = true
                initialized = 0
            } else {
                initialized = restored
            }
        }
        return failed ? nil : bytes
    }
}
