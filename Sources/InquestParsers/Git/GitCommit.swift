import InquestCore

/// One commit record of `git log --date=iso-strict --pretty=fuller --parents --numstat`.
public struct GitCommit: Sendable, Hashable {
    public var sha: String
    /// Parent shas in order; more than one makes a merge.
    public var parents: [String]
    public var author: GitPerson
    /// `AuthorDate` as an instant (UTC) and exactly as written (with its offset).
    public var authorDate: Timestamp
    public var authorDateText: String
    public var committer: GitPerson
    /// `CommitDate` as an instant (UTC) and exactly as written (with its offset).
    public var commitDate: Timestamp
    public var commitDateText: String
    /// The first message line.
    public var subject: String
    /// The message after the subject, unindented and trimmed (empty when none).
    public var body: String
    public var files: [GitFileChange]
    /// The record's bytes exactly as in the input (trailing blank lines dropped).
    public var raw: [UInt8]
    /// Byte offset of the record's `commit` line in the input.
    public var offset: Int
    /// 1-based line of the record's `commit` line.
    public var line: Int

    /// True when the commit has more than one parent.
    public var isMerge: Bool { parents.count > 1 }
    /// Lines added over all non-binary files.
    public var linesAdded: Int { files.reduce(0) { $0 + ($1.added ?? 0) } }
    /// Lines deleted over all non-binary files.
    public var linesDeleted: Int { files.reduce(0) { $0 + ($1.deleted ?? 0) } }
}
