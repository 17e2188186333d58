/// One `--numstat` line: lines added and deleted in a file (nil for a binary file, written `-`).
public struct GitFileChange: Sendable, Hashable {
    /// The path as git wrote it; renames keep git's `dir/{old => new}` form.
    public var path: String
    public var added: Int?
    public var deleted: Int?

    /// True when git reported `-` counts (a binary file).
    public var isBinary: Bool { added == nil || deleted == nil }

    public init(path: String, added: Int?, deleted: Int?) {
        self.path = path
        self.added = added
        self.deleted = deleted
    }
}
