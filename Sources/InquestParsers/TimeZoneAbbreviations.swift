/// Fixed offsets of the zone abbreviations logs commonly write after a time (`13:36:43 CEST`).
///
/// An abbreviation names a fixed offset here: `EST` is always UTC−5, `CEST` UTC+2 (a reader that
/// resolves `EST` to a region with daylight saving time differs by an hour in summer). Where an
/// abbreviation is used for several zones the most common reading in logs is taken (`CST` North
/// American Central, `IST` India). Letters are matched in any case, 2 to 5 of them.
enum TimeZoneAbbreviations {
    /// Offset in seconds east of UTC for the abbreviation `start..<end`, or nil.
    static func offset(_ b: Bytes, _ start: Int, _ end: Int) -> Int64? {
        guard end - start >= 2, end - start <= 5 else { return nil }
        var key: UInt64 = 0
        for i in start..<end {
            guard ASCII.isLetter(b[i]) else { return nil }
            key = key << 8 | UInt64(ASCII.lowered(b[i]))
        }
        var low = 0
        var high = keys.count
        while low < high {
            let mid = (low + high) >> 1
            if keys[mid] == key { return offsets[mid] }
            if keys[mid] < key { low = mid + 1 } else { high = mid }
        }
        return nil
    }

    private static let table: [(String, Int64)] = [
        ("utc", 0), ("gmt", 0), ("ut", 0), ("z", 0), ("wet", 0), ("west", 3600), ("bst", 3600),
        ("cet", 3600), ("cest", 7200), ("met", 3600), ("mest", 7200), ("eet", 7200), ("eest", 10800),
        ("msk", 10800), ("ist", 19800), ("pkt", 18000), ("ict", 25200), ("wib", 25200), ("hkt", 28800),
        ("sgt", 28800), ("pht", 28800), ("awst", 28800), ("jst", 32400), ("kst", 32400), ("acst", 34200),
        ("acdt", 37800), ("aest", 36000), ("aedt", 39600), ("nzst", 43200), ("nzdt", 46800),
        ("est", -18000), ("edt", -14400), ("cst", -21600), ("cdt", -18000), ("mst", -25200), ("mdt", -21600),
        ("pst", -28800), ("pdt", -25200), ("akst", -32400), ("akdt", -28800), ("hst", -36000),
        ("ast", -14400), ("adt", -10800), ("nst", -12600), ("ndt", -9000), ("brt", -10800), ("art", -10800),
        ("sast", 7200), ("cat", 7200), ("eat", 10800), ("wat", 3600),
    ]
    private static let sorted: [(UInt64, Int64)] = table
        .map { entry in (entry.0.utf8.reduce(UInt64(0)) { $0 << 8 | UInt64($1) }, entry.1) }
        .sorted { $0.0 < $1.0 }
    private static let keys: [UInt64] = sorted.map(\.0)
    private static let offsets: [Int64] = sorted.map(\.1)
}
