import InquestCore

/// Turns a ``WrittenTime`` into a UTC ``Timestamp`` with the assumptions it needed, applying
/// the stream's zone, assumed year and the year-rollover rule.
struct TimeResolver {
    private var zoneCache: ZoneOffsetCache
    private let assumedYear: Int64
    private let referenceMonth: Int64

    init(options: LogParseOptions) {
        zoneCache = ZoneOffsetCache(zone: options.timeZone)
        assumedYear = Int64(options.assumedYear)
        referenceMonth = Int64(options.referenceMonth)
    }

    /// The instant and what was assumed. A year-less time in a month after the reference month
    /// belongs to the year before the assumed year (the file was written across New Year).
    /// Nil when the instant is outside ``Timestamp``'s representable range (years 1677–2262):
    /// such a time is refused, never wrapped.
    mutating func resolve(_ time: WrittenTime) -> (Timestamp, TimeQuality)? {
        if let epoch = time.epochNanos { return (Timestamp(nanoseconds: epoch), []) }
        var quality: TimeQuality = []
        let year: Int64
        if let written = time.year {
            year = written
        } else {
            year = time.month > referenceMonth ? assumedYear - 1 : assumedYear
            quality.insert(.yearAssumed)
        }
        let naive = time.naiveSeconds(year: year)
        let utc: Int64
        if let offset = time.offsetSeconds {
            utc = naive - offset
        } else {
            utc = zoneCache.utcSeconds(local: naive)
            quality.insert(.zoneAssumed)
        }
        guard let timestamp = Timestamp(checkedSeconds: utc, nanos: time.nanos) else { return nil }
        return (timestamp, quality)
    }
}
