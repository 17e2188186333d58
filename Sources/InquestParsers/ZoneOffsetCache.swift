import Foundation

/// Converts zone-less local times to UTC for one `TimeZone`, caching the offset per local hour
/// (asking `TimeZone` is slow; offsets only change on hour boundaries in practice).
struct ZoneOffsetCache {
    private let zone: TimeZone
    /// Set when the zone never changes its offset (UTC, fixed offsets).
    private let fixedOffset: Int64?
    private var lastHour: Int64 = .min
    private var lastOffset: Int64 = 0
    private var offsets: [Int64: Int64] = [:]

    init(zone: TimeZone) {
        self.zone = zone
        if zone.nextDaylightSavingTimeTransition(after: Date(timeIntervalSince1970: 0)) == nil {
            fixedOffset = Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: 0)))
        } else {
            fixedOffset = nil
        }
    }

    /// UTC seconds of a local wall-clock time given as seconds since the epoch read as UTC.
    mutating func utcSeconds(local: Int64) -> Int64 {
        if let fixedOffset { return local - fixedOffset }
        let hour = local >= 0 ? local / 3600 : (local - 3599) / 3600
        if hour == lastHour { return local - lastOffset }
        let offset: Int64
        if let cached = offsets[hour] {
            offset = cached
        } else {
            // The offset at the UTC instant that is `local` minus the offset guessed at `local`.
            let guess = Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(local))))
            offset = Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(local - guess))))
            if offsets.count > 4096 { offsets.removeAll(keepingCapacity: true) }
            offsets[hour] = offset
        }
        lastHour = hour
        lastOffset = offset
        return local - offset
    }
}
