import InquestCore

extension GitCommit {
    /// The commit as a `.change` event of severity info.
    ///
    /// Time is the `CommitDate` (when the change entered the branch), kept as written in
    /// ``Event/timestampText``; the author date is an attribute. Message = subject. Attributes:
    /// `sha`, `parents`, `merge`, `author`, `author_email`, `author_date`, `committer`,
    /// `committer_email`, `files` (the first ``GitParseOptions/maxFiles``, each
    /// `{"path","added","deleted"}` or `{"path","binary":true}`), `files_total`, `lines_added`,
    /// `lines_deleted`, `body` (cut to ``GitParseOptions/maxBodyBytes``) and `deploy: true`
    /// when the deploy rule's subject pattern matches.
    public func event(options: GitParseOptions) -> Event {
        event(options: options, matcher: options.deployRule.matcher())
    }

    /// As ``event(options:)`` with the deploy rule already compiled (one compile per parse).
    func event(options: GitParseOptions, matcher: GitDeployMatcher) -> Event {
        var attributes = CIAttributesText()
        attributes.add("sha", sha)
        attributes.add("parents", strings: parents)
        attributes.add("merge", isMerge)
        attributes.add("author", author.name)
        attributes.add("author_email", ifPresent: author.email)
        attributes.add("author_date", authorDateText)
        attributes.add("committer", committer.name)
        attributes.add("committer_email", ifPresent: committer.email)
        var listed = "["
        for (index, file) in files.prefix(options.maxFiles).enumerated() {
            if index > 0 { listed += "," }
            var item = CIAttributesText()
            item.add("path", file.path)
            if let added = file.added, let deleted = file.deleted {
                item.add("added", added)
                item.add("deleted", deleted)
            } else {
                item.add("binary", true)
            }
            listed += item.finished
        }
        attributes.add("files", json: listed + "]")
        attributes.add("files_total", files.count)
        attributes.add("lines_added", linesAdded)
        attributes.add("lines_deleted", linesDeleted)
        if !body.isEmpty { attributes.add("body", CIAttributesText.truncated(body, maxBytes: options.maxBodyBytes)) }
        if matcher.isDeploy(subject: subject) { attributes.add("deploy", true) }
        return Event(
            timestamp: commitDate, timestampText: commitDateText, sourceKind: .change, sourceName: options.sourceName,
            severity: .info, message: subject.isEmpty ? "commit \(sha.prefix(12))" : subject,
            attributesJSON: attributes.finished, raw: raw,
            // Keyed by the commit id, not its offset in the log: a later `git log` puts newer commits
            // first and shifts every offset, and re-reading a repository must not store a commit twice.
            dedupeKey: DedupeKey(source: options.sourceIdentity, raw: Array("commit \(sha)".utf8), offset: 0))
    }
}

extension GitLogParser {
    /// Parses `text` and turns every commit into its event (see ``GitCommit/event(options:)``).
    public static func events(_ text: String, options: GitParseOptions) -> (events: [Event], errors: [LocatedCIError]) {
        let parsed = parse(text, options: options)
        let matcher = options.deployRule.matcher()
        return (parsed.commits.map { $0.event(options: options, matcher: matcher) }, parsed.errors)
    }
}
