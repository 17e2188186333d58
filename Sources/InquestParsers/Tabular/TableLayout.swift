/// Which column of a table plays which ``ColumnRole``, and what the rows are: log events,
/// spans or metric series. Inferred from the header, the first rows and any `--columns`
/// overrides (``infer(header:rows:overrides:)``).
///
/// - **Roles**: an override names a column by its header (exactly, else by
///   ``ColumnRole/normalized(_:)`` name; a name that is not in this header is ignored, so one
///   `--columns` can serve files of several shapes). Other columns take the role their name
///   suggests, the first column of each role winning, except time: of several time columns the
///   one whose first rows read most cleanly (``TableTimeCell/Shape``) wins, then the first. A
///   pod column takes the host role from a host/node column, which stays an attribute.
/// - **Shape**: spans when trace, span and start columns and an end or duration column are
///   present; logs when a message or level column is; series when a time column is and the
///   remaining columns holding numbers are at least as many as those holding text; else logs.
public struct TableLayout: Sendable, Hashable {
    /// What each row becomes.
    public enum Shape: String, Sendable, Hashable {
        case logs
        case spans
        case series
    }

    /// The column names.
    public var header: [String]
    /// The column index of each role present.
    public var roles: [ColumnRole: Int]
    /// What the rows become.
    public var shape: Shape
    /// Other time columns, cleanest first: a row whose time cell does not read as a time
    /// (or holds a sentinel such as Go's zero time, a negative epoch) takes its time from these.
    public var alternateTimeColumns: [Int] = []

    /// The index of `role`'s column, if any.
    public func column(_ role: ColumnRole) -> Int? { roles[role] }

    /// Whether column `index` has a role (else it is an attribute or, for series, a value or label).
    public func hasRole(_ index: Int) -> Bool { roles.values.contains(index) }

    /// The layout of a table with `header` whose first data rows are `rows`.
    public static func infer(header: [String], rows: [[String]], overrides: [ColumnRole: String] = [:]) -> TableLayout {
        var roles: [ColumnRole: Int] = [:]
        var taken = Set<Int>()
        for role in ColumnRole.allCases {
            guard let name = overrides[role], let index = index(of: name, in: header), !taken.contains(index) else { continue }
            roles[role] = index
            taken.insert(index)
        }
        var timeColumns = rankedTimeColumns(header: header, rows: rows, excluding: taken)
        if roles[.time] == nil, !timeColumns.isEmpty {
            let index = timeColumns.removeFirst()
            roles[.time] = index
            taken.insert(index)
        }
        for (index, name) in header.enumerated() where !taken.contains(index) {
            guard let role = ColumnRole.guess(name), role != .time, roles[role] == nil else { continue }
            roles[role] = index
            taken.insert(index)
        }
        if roles[.pod] != nil, let host = roles[.host], overrides[.host] == nil {
            roles[.host] = nil
            taken.remove(host)
        }
        return TableLayout(
            header: header, roles: roles, shape: shape(roles: roles, header: header, rows: rows, taken: taken),
            alternateTimeColumns: timeColumns.filter { !taken.contains($0) })
    }

    /// The column `name` designates: the exact header name, else the first with the same normalized name.
    static func index(of name: String, in header: [String]) -> Int? {
        if let exact = header.firstIndex(of: name) { return exact }
        let key = ColumnRole.normalized(name)
        return header.firstIndex { ColumnRole.normalized($0) == key }
    }

    /// Of the columns named like times whose first rows all read as times, the cleanest (then the first).
    static func bestTimeColumn(header: [String], rows: [[String]], excluding taken: Set<Int>) -> Int? {
        rankedTimeColumns(header: header, rows: rows, excluding: taken).first
    }

    /// The columns named like times whose first rows all read as times, cleanest first, then in order.
    static func rankedTimeColumns(header: [String], rows: [[String]], excluding taken: Set<Int>) -> [Int] {
        var ranked: [(index: Int, shape: TableTimeCell.Shape)] = []
        for (index, name) in header.enumerated() where !taken.contains(index) && ColumnRole.guess(name) == .time {
            let cells = rows.lazy.filter { index < $0.count }.map { $0[index] }
            guard let shape = TableTimeCell.shape(of: cells) else { continue }
            ranked.append((index, shape))
        }
        return ranked.sorted { ($0.shape, $0.index) < ($1.shape, $1.index) }.map(\.index)
    }

    private static func shape(roles: [ColumnRole: Int], header: [String], rows: [[String]], taken: Set<Int>) -> Shape {
        if roles[.trace] != nil, roles[.span] != nil, roles[.start] != nil, roles[.end] != nil || roles[.duration] != nil {
            return .spans
        }
        if roles[.message] != nil || roles[.level] != nil { return .logs }
        guard roles[.time] != nil else { return .logs }
        var numbers = 0
        var texts = 0
        for index in header.indices where !taken.contains(index) && ColumnRole.guess(header[index]) != .time {
            let cells = rows.compactMap { index < $0.count && !$0[index].isEmpty ? $0[index] : nil }
            guard !cells.isEmpty else { continue }
            let numeric = cells.filter { MetricNumber.parse($0) != nil }.count
            if numeric * 2 >= cells.count { numbers += 1 } else { texts += 1 }
        }
        // Role columns other than time (a pod, a service) are labels of the series: text.
        texts += roles.keys.filter { $0 != .time }.count
        return numbers > 0 && numbers >= texts ? .series : .logs
    }
}
