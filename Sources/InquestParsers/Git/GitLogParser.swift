import InquestCore

/// Parses the text of `git log --date=iso-strict --pretty=fuller --parents --numstat`.
///
/// The git connector runs exactly that command (no colour, no decoration) and feeds its output
/// here; this parser starts no process. A record that cannot be read is skipped and reported
/// with its line; the other records are still returned.
public enum GitLogParser {
    /// Splits `text` into commits, plus a located error per skipped record or stray text.
    public static func parse(_ text: String, options: GitParseOptions) -> (commits: [GitCommit], errors: [LocatedCIError]) {
        let bytes = Array(text.utf8)
        let lines = GitLines(bytes)
        var commits: [GitCommit] = []
        var errors: [LocatedCIError] = []
        var index = 0
        while index < lines.count {
            guard lines.text(index).hasPrefix("commit ") else {
                if !lines.text(index).gitTrimmingSpaces.isEmpty {
                    errors.append(LocatedCIError(
                        error: .malformedGitRecord(line: index + 1, expected: "a 'commit <sha> <parents>' line", found: lines.text(index)),
                        offset: lines.start(index)))
                    while index < lines.count, !lines.text(index).hasPrefix("commit ") { index += 1 }
                } else {
                    index += 1
                }
                continue
            }
            var end = index + 1
            while end < lines.count, !lines.text(end).hasPrefix("commit ") { end += 1 }
            switch record(lines: lines, from: index, to: end, bytes: bytes) {
            case .success(let commit): commits.append(commit)
            case .failure(let error): errors.append(LocatedCIError(error: error, offset: lines.start(index)))
            }
            index = end
        }
        return (commits, errors)
    }

    /// Reads the record in lines `first..<end`.
    private static func record(lines: GitLines, from first: Int, to end: Int, bytes: [UInt8]) -> Result<GitCommit, ParseError> {
        let words = lines.text(first).split(separator: " ").map(String.init)
        let hashes = Array(words.dropFirst().prefix { !$0.hasPrefix("(") })
        guard let sha = hashes.first, isHex(sha) else {
            return .failure(.malformedGitRecord(line: first + 1, expected: "a hex commit sha", found: lines.text(first)))
        }
        var headers: [String: (text: String, line: Int)] = [:]
        var index = first + 1
        while index < end, !lines.text(index).isEmpty {
            let line = lines.text(index)
            if let colon = line.firstIndex(of: ":") {
                headers[String(line[..<colon])] = (String(line[line.index(after: colon)...]).gitTrimmingSpaces, index + 1)
            }
            index += 1
        }
        var dates: [String: (Timestamp, String)] = [:]
        for field in ["AuthorDate", "CommitDate"] {
            guard let header = headers[field] else {
                return .failure(.malformedGitRecord(line: first + 1, expected: "a '\(field):' line (use --pretty=fuller)", found: lines.text(first)))
            }
            guard let read = CITimeReader.read(header.text) else {
                return .failure(.invalidDate(line: header.line, field: field, text: header.text))
            }
            dates[field] = (read.time, header.text)
        }
        guard let author = headers["Author"], let committer = headers["Commit"],
            let authorDate = dates["AuthorDate"], let commitDate = dates["CommitDate"]
        else {
            return .failure(.malformedGitRecord(line: first + 1, expected: "'Author:' and 'Commit:' lines", found: lines.text(first)))
        }
        var message: [String] = []
        var files: [GitFileChange] = []
        var lastContent = index - 1
        while index < end {
            let line = lines.text(index)
            if line.hasPrefix("    ") {
                message.append(String(line.dropFirst(4)))
                lastContent = index
            } else if let change = fileChange(line) {
                files.append(change)
                lastContent = index
            } else if !line.gitTrimmingSpaces.isEmpty {
                return .failure(.malformedGitRecord(line: index + 1, expected: "an indented message line or 'added<TAB>deleted<TAB>path'", found: line))
            }
            index += 1
        }
        let subject = message.first?.gitTrimmingSpaces ?? ""
        let body = message.dropFirst().joined(separator: "\n").gitTrimmingWhitespace
        let rawEnd = lines.end(lastContent)
        return .success(GitCommit(
            sha: sha, parents: Array(hashes.dropFirst()).filter(isHex),
            author: GitPerson(written: author.text), authorDate: authorDate.0, authorDateText: authorDate.1,
            committer: GitPerson(written: committer.text), commitDate: commitDate.0, commitDateText: commitDate.1,
            subject: subject, body: body, files: files,
            raw: Array(bytes[lines.start(first)..<rawEnd]), offset: lines.start(first), line: first + 1))
    }

    /// Reads `added<TAB>deleted<TAB>path` (`-` counts for binary files).
    static func fileChange(_ line: String) -> GitFileChange? {
        let fields = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
        guard fields.count == 3, !fields[2].isEmpty else { return nil }
        func count(_ field: Substring) -> Int?? {
            if field == "-" { return .some(nil) }
            guard let value = Int(field), value >= 0 else { return nil }
            return .some(value)
        }
        guard let added = count(fields[0]), let deleted = count(fields[1]) else { return nil }
        return GitFileChange(path: String(fields[2]), added: added, deleted: deleted)
    }

    private static func isHex(_ text: String) -> Bool {
        text.utf8.count >= 4 && text.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) }
    }
}
