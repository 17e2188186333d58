import Foundation
import InquestCore

extension LogParseOptions {
    /// Options for a stream whose year-less times are read against `reference` (a file's
    /// modification time, or now): the year is `assumedYear` when the user gave one (with a
    /// December reference month, so no month rolls back a year), else `reference`'s year and
    /// month in `timeZone`. Records with no time before the first one with a time get `reference`.
    public init(sourceName: String, sourceIdentity: String, timeZone: TimeZone, assumedYear: Int?, reference: Date) {
        let year: Int
        let month: Int
        if let assumedYear {
            year = assumedYear
            month = 12
        } else {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = timeZone
            year = calendar.component(.year, from: reference)
            month = calendar.component(.month, from: reference)
        }
        self.init(
            sourceName: sourceName, sourceIdentity: sourceIdentity, timeZone: timeZone,
            assumedYear: year, referenceMonth: month, fallbackTime: Timestamp(date: reference))
    }
}
