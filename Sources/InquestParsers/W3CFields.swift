import InquestCore

/// The columns a W3C extended log (IIS, HTTP.sys) declares in its `#Fields:` directive, and the
/// reading of a data line by them.
///
/// Directive lines (`#Software:`, `#Version:`, `#Date:`, `#Fields:` — `#`, a word, `:`) describe
/// the file and are not records. A data line is split on spaces into the declared columns: each
/// column whose value is not `-` becomes an attribute named as declared (`cs-method`, `c-ip`);
/// `date` followed by `time` is the time (read by ``TimeScanner``); `sc-status` gives the severity
/// as for access logs (5xx error, 4xx warning, else info); the message is
/// `cs-method cs-uri-stem sc-status` when those columns exist, else the whole line.
struct W3CFields: Sendable, Equatable {
    /// The declared column names, at most ``maximumColumns``.
    let names: [[UInt8]]
    private let date: Int?
    private let time: Int?
    private let status: Int?
    private let method: Int?
    private let path: Int?

    static let maximumColumns = 64

    /// Whether the line is a W3C directive: `#` then letters then `:`.
    static func isDirective(_ b: Bytes) -> Bool {
        guard b.count > 2, b[0] == ASCII.hash, ASCII.isLetter(b[1]) else { return false }
        var i = 1
        while i < b.count, i < 24, ASCII.isLetter(b[i]) || b[i] == ASCII.minus { i += 1 }
        return i < b.count && b[i] == ASCII.colon
    }

    /// The columns of a `#Fields:` directive line, or nil when the line is another directive.
    init?(directive b: Bytes) {
        let prefix = Array("#fields:".utf8)
        guard b.count > prefix.count else { return nil }
        for k in 0..<prefix.count where ASCII.lowered(b[k]) != prefix[k] { return nil }
        var names: [[UInt8]] = []
        var i = prefix.count
        while names.count < Self.maximumColumns {
            i = b.skipSpaces(from: i)
            guard i < b.count else { break }
            let start = i
            while i < b.count, !ASCII.isSpace(b[i]) { i += 1 }
            names.append(Array(b.slice(start, i)))
        }
        guard !names.isEmpty else { return nil }
        func column(_ name: String) -> Int? {
            let wanted = Array(name.utf8)
            return names.firstIndex { $0.count == wanted.count && zip($0, wanted).allSatisfy { ASCII.lowered($0) == $1 } }
        }
        self.names = names
        date = column("date")
        time = column("time")
        status = column("sc-status")
        method = column("cs-method")
        path = column("cs-uri-stem")
    }

    /// The draft of a data line read by these columns; the time falls back to `layout`'s search.
    func parse(_ b: Bytes, layout: RecordLayout) -> EventDraft {
        var draft = EventDraft()
        var cells: [Range<Int>] = []
        cells.reserveCapacity(names.count)
        var i = 0
        while cells.count < names.count {
            i = b.skipSpaces(from: i)
            guard i < b.count else { break }
            let start = i
            while i < b.count, !ASCII.isSpace(b[i]) { i += 1 }
            cells.append(start..<i)
        }
        for (index, cell) in cells.enumerated() where !(cell.count == 1 && b[cell.lowerBound] == ASCII.minus) {
            names[index].withUnsafeBufferPointer { key in
                draft.attributes.appendText(key: key, value: b.slice(cell.lowerBound, cell.upperBound), inferTypes: index == status)
            }
        }
        if let date, let time, time == date + 1, time < cells.count,
           let (found, after) = TimeScanner.scan(b, at: cells[date].lowerBound, end: cells[time].upperBound, order: layout.dateOrder) {
            draft.time = found
            draft.timestampText = b.string(cells[date].lowerBound, after)
        } else if let found = layout.findTime(b, b.count) {
            draft.time = found.time
            draft.timestampText = b.string(found.start, found.end)
        }
        if let status, status < cells.count, cells[status].count == 3,
           let code = TimeScanner.number(b, cells[status].lowerBound, 3) {
            draft.severity = code >= 500 ? .error : code >= 400 ? .warning : .info
        }
        if let method, let path, let status, max(method, path, status) < cells.count {
            draft.message = b.string(cells[method].lowerBound, cells[method].upperBound) + " "
                + b.string(cells[path].lowerBound, cells[path].upperBound) + " "
                + b.string(cells[status].lowerBound, cells[status].upperBound)
        } else {
            var end = b.count
            while end > 0, ASCII.isSpace(b[end - 1]) { end -= 1 }
            draft.message = b.string(0, end)
        }
        return draft
    }
}
