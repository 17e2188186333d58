/// Where a breakdown reads its counts from. Both give the same counts; the choice exists so
/// that tests and the benchmark can compare the two.
public enum BreakdownReading: Sendable, Hashable {
    /// The per-minute counts kept at ingest for the whole minutes of the window, and the rows
    /// for its ragged ends, when the filter and dimensions are among the fields the counts
    /// carry (service, severity, source kind, template); otherwise the rows.
    case minuteCountsWhereExact
    /// Every matching row of the window.
    case rows
}
