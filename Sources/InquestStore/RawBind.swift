import GRDBSQLite
import InquestCore

/// Raw `sqlite3_bind_*` helpers. Every value is bound with `SQLITE_TRANSIENT` (SQLite copies
/// it), because Swift only guarantees a string's or array's buffer during the closure that
/// exposes it. Empty values are bound as empty, never as NULL (a nil pointer would bind NULL).
enum RawBind {
    /// SQLite's "copy the value now" destructor.
    static var transient: sqlite3_destructor_type {
        unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
    }

    static func text(_ value: String, _ handle: OpaquePointer, _ index: CInt) -> CInt {
        var value = value
        return value.withUTF8 { buffer in
            guard let base = buffer.baseAddress else {
                return sqlite3_bind_text(handle, index, "", 0, transient)
            }
            return base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                sqlite3_bind_text(handle, index, pointer, CInt(buffer.count), transient)
            }
        }
    }

    static func optionalText(_ value: String?, _ handle: OpaquePointer, _ index: CInt) -> CInt {
        guard let value else { return sqlite3_bind_null(handle, index) }
        return text(value, handle, index)
    }

    static func blob(_ value: [UInt8], _ handle: OpaquePointer, _ index: CInt) -> CInt {
        value.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress, buffer.count > 0 else {
                return sqlite3_bind_zeroblob(handle, index, 0)
            }
            return sqlite3_bind_blob(handle, index, base, CInt(buffer.count), transient)
        }
    }

    /// The 16 big-endian bytes of ``DedupeKey/bytes``, without allocating an array.
    static func dedupeKey(_ key: DedupeKey, _ handle: OpaquePointer, _ index: CInt) -> CInt {
        var words = (key.high.bigEndian, key.low.bigEndian)
        return withUnsafeBytes(of: &words) { buffer in
            sqlite3_bind_blob(handle, index, buffer.baseAddress, 16, transient)
        }
    }
}
