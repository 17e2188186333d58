import InquestCore

/// One line of the tags export the git connector writes with
/// `git for-each-ref refs/tags --format='%(refname:short)%09%(objecttype)%09%(objectname)%09%(*objectname)%09%(creatordate:iso-strict)%09%(taggername)%09%(subject)'`.
public struct GitTag: Sendable, Hashable {
    public var name: String
    /// `tag` for an annotated tag, `commit` for a lightweight one.
    public var objectType: String
    /// The tag object's sha (the commit's sha for a lightweight tag).
    public var tagObject: String
    /// The commit an annotated tag points at (empty for a lightweight tag).
    public var targetCommit: String
    public var date: Timestamp
    /// The creator date exactly as written.
    public var dateText: String
    /// Empty for a lightweight tag.
    public var tagger: String
    public var subject: String
    /// The line's bytes.
    public var raw: [UInt8]
    /// Byte offset of the line in the input.
    public var offset: Int

    /// True for an annotated tag.
    public var isAnnotated: Bool { objectType == "tag" }
    /// The tagged commit's sha.
    public var commit: String { targetCommit.isEmpty ? tagObject : targetCommit }
}
