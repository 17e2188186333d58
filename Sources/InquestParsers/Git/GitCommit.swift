import InquestCore

/// A person line of `git log --pretty=fuller` (`Author:     Name <email>`).
public struct GitPerson: Sendable, Hashable {
    public var name: String
    public var email: String

    public init(name: String, email: String) {
        self.name = name
        self.email = email
    }

    /// Reads `Name <email>`; text without `<...>` is taken as the name alone.
    init(written: String) {
        if let open = written.lastIndex(of: "<"), written.hasSuffix(">") {
            name = String(written[..<open]).trimmingSpaces
            email = String(written[written.index(after: open)..<written.index(before: written.endIndex)])
        } else {
            name = written.trimmingSpaces
            email = ""
        }
    }
}

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

extension String {
    /// The text without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        var slice = self[...]
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" || last == "\r" { slice = slice.dropLast() }
        return String(slice)
    }
}
