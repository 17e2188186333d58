/// How the timeline shows event times; `T` cycles through them.
public enum TimeDisplayMode: String, Sendable, Hashable, CaseIterable {
    /// `HH:MM:SS.mmm` in UTC.
    case utc
    /// `HH:MM:SS.mmm` shifted by the local zone offset held in the state.
    case local
    /// Time from the selected event, e.g. `-3m12s` before it and `+5s` after (the state's `now`
    /// when nothing is selected).
    case relative

    /// The mode after this one.
    public var next: TimeDisplayMode {
        switch self {
        case .utc: .local
        case .local: .relative
        case .relative: .utc
        }
    }

    /// A short label for the status line and the timeline title.
    public var label: String {
        switch self {
        case .utc: "UTC"
        case .local: "local"
        case .relative: "relative"
        }
    }
}
