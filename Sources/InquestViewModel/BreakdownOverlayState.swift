import InquestCore

/// The `b` overlay: the events of the current filter in the time window on screen, counted by a
/// dimension the user cycles (Tab), compared with the window before (`c`), or the spans per
/// service (`t`). Enter narrows the filter to the selected row.
public struct BreakdownOverlayState: Sendable, Hashable {
    /// What the overlay shows.
    public enum Mode: String, Sendable, Hashable {
        /// Counts per group in the window.
        case counts
        /// The window against the window of equal length just before it.
        case compare
        /// Spans per service in the window against the window before.
        case traces
    }

    public var mode: Mode
    /// What the rows are grouped by (one dimension from Tab; several from `:breakdown a,b`).
    public var dimensions: [BreakdownDimension]
    /// The window counted: the density strip's range when the overlay opened; nil when the
    /// view has no events to place a window on.
    public var window: Range<Timestamp>?
    /// The last loaded result; nil until the first load arrives.
    public var result: BreakdownResult?
    /// True while a load is in flight (the previous result stays on screen).
    public var isLoading: Bool
    /// The selected row.
    public var selected: Int
    /// The first row on screen.
    public var scroll: Int

    public init(
        mode: Mode = .counts, dimensions: [BreakdownDimension] = [.service], window: Range<Timestamp>? = nil,
        result: BreakdownResult? = nil, isLoading: Bool = false, selected: Int = 0, scroll: Int = 0
    ) {
        self.mode = mode
        self.dimensions = dimensions
        self.window = window
        self.result = result
        self.isLoading = isLoading
        self.selected = selected
        self.scroll = scroll
    }

    /// The number of rows the result has.
    public var rowCount: Int { result?.rowCount ?? 0 }
}
