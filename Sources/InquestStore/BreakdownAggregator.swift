import GRDB
import GRDBSQLite
import InquestCore

/// Counts the rows of a breakdown statement per group in a hash table, stepping the statement
/// with the raw SQLite API.
///
/// `GROUP BY` makes SQLite sort every matching row into a temporary b-tree before counting,
/// even for 20 groups: on 500k events grouping by service took 0.34 s of CPU while walking the
/// same index entries took 0.03 s. Here each row is hashed from its column bytes (no allocation
/// unless the group is new) and counted; a group's values are decoded once, when first seen.
struct BreakdownAggregator {
    /// Count and errors of one group, and the group's column values as first seen.
    struct Group {
        var values: [DatabaseValue]
        var key: [UInt8]
        var events: Int
        var errors: Int
    }

    private(set) var groups: [Group] = []
    /// Group indexes by key hash; a collision chain is a short array.
    private var slots: [UInt64: [Int]] = [:]
    private var scratch: [UInt8] = []

    /// Steps `statement` (columns: the `columns` group values, then 1 for an error row, 0 else,
    /// then the number of events the row stands for) to its end, counting every row.
    mutating func count(_ statement: Statement, columns: Int, connection: OpaquePointer?) throws {
        let handle = statement.sqliteStatement
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: connection.map { String(cString: sqlite3_errmsg($0)) })
            }
            scratch.removeAll(keepingCapacity: true)
            for column in 0..<CInt(columns) { Self.append(column, of: handle, to: &scratch) }
            let hash = scratch.withUnsafeBufferPointer(FNV1aHash.of)
            let isError = sqlite3_column_int(handle, CInt(columns)) != 0
            let events = Int(sqlite3_column_int64(handle, CInt(columns) + 1))
            if let index = slots[hash]?.first(where: { groups[$0].key == scratch }) {
                groups[index].events += events
                if isError { groups[index].errors += events }
                continue
            }
            let values = (0..<CInt(columns)).map { DatabaseValue(sqliteStatement: handle, index: $0) }
            groups.append(Group(values: values, key: scratch, events: events, errors: isError ? events : 0))
            slots[hash, default: []].append(groups.count - 1)
        }
    }

    /// The column's type and bytes, length-prefixed, so that distinct tuples never share a key.
    private static func append(_ column: CInt, of handle: OpaquePointer?, to key: inout [UInt8]) {
        let type = sqlite3_column_type(handle, column)
        key.append(UInt8(truncatingIfNeeded: type))
        switch type {
        case SQLITE_INTEGER:
            withUnsafeBytes(of: sqlite3_column_int64(handle, column)) { key.append(contentsOf: $0) }
        case SQLITE_FLOAT:
            withUnsafeBytes(of: sqlite3_column_double(handle, column).bitPattern) { key.append(contentsOf: $0) }
        case SQLITE_TEXT, SQLITE_BLOB:
            let bytes = type == SQLITE_TEXT ? UnsafeRawPointer(sqlite3_column_text(handle, column)) : sqlite3_column_blob(handle, column)
            let length = Int(sqlite3_column_bytes(handle, column))
            withUnsafeBytes(of: UInt32(truncatingIfNeeded: length)) { key.append(contentsOf: $0) }
            if let bytes, length > 0 { key.append(contentsOf: UnsafeRawBufferPointer(start: bytes, count: length)) }
        default:
            break
        }
    }
}
