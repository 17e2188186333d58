/// A named view of the timeline (`:save NAME`, `:view NAME`): a filter, its scope and the time
/// display, kept in the store so it outlives the canvas.
public struct SavedView: Sendable, Hashable, Codable {
    /// The name it is saved and recalled under (unique within a store).
    public var name: String
    /// The filter as typed.
    public var filter: String
    /// The investigation the view showed only the linked events of (`o`), or nil.
    public var linkedInvestigationID: Int64?
    /// True when the view showed only the files the canvas was opened on (`O`).
    public var onlyOpened: Bool
    /// How times were shown: `utc`, `local` or `relative`.
    public var timeMode: String

    public init(name: String, filter: String, linkedInvestigationID: Int64? = nil, onlyOpened: Bool = false, timeMode: String = "utc") {
        self.name = name
        self.filter = filter
        self.linkedInvestigationID = linkedInvestigationID
        self.onlyOpened = onlyOpened
        self.timeMode = timeMode
    }
}
