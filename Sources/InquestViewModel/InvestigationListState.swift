import InquestCore

/// The investigations pane: "All events" (row 0) then every investigation.
public struct InvestigationListState: Sendable, Hashable {
    /// The investigations, as the store lists them.
    public var items: [InvestigationSummary]
    /// Selected row: 0 is "All events", `n` is `items[n - 1]`.
    public var selected: Int
    /// Select this investigation when the next list arrives (after creating it).
    public var pendingSelectionID: Int64?

    public init(items: [InvestigationSummary] = [], selected: Int = 0, pendingSelectionID: Int64? = nil) {
        self.items = items
        self.selected = selected
        self.pendingSelectionID = pendingSelectionID
    }

    /// Number of rows including "All events".
    public var rowCount: Int { items.count + 1 }

    /// The first row shown when `visibleRows` fit: the selection stays on the last line once
    /// it is past the first screen.
    public func firstVisibleRow(visibleRows: Int) -> Int {
        max(0, min(selected - visibleRows + 1, rowCount - visibleRows))
    }

    /// The selected investigation; nil when "All events" is selected.
    public var current: InvestigationSummary? {
        selected >= 1 && selected <= items.count ? items[selected - 1] : nil
    }

    /// The selected investigation's id.
    public var currentID: Int64? { current?.investigation.id }
}
