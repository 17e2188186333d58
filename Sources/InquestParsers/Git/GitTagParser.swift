import InquestCore

/// Parses the tab-separated tags export described on ``GitTag`` and makes release events.
public enum GitTagParser {
    /// The tags in input order, plus a located error per line that could not be read.
    public static func parse(_ text: String, options: GitParseOptions) -> (tags: [GitTag], errors: [LocatedCIError]) {
        let bytes = Array(text.utf8)
        let lines = GitLines(bytes)
        var tags: [GitTag] = []
        var errors: [LocatedCIError] = []
        for index in 0..<lines.count {
            let line = lines.text(index)
            if line.gitTrimmingSpaces.isEmpty { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 7, !fields[0].isEmpty else {
                errors.append(LocatedCIError(error: .malformedTagLine(line: index + 1, fields: fields.count), offset: lines.start(index)))
                continue
            }
            guard let date = CITimeReader.read(fields[4]) else {
                errors.append(LocatedCIError(error: .invalidDate(line: index + 1, field: "creatordate", text: fields[4]), offset: lines.start(index)))
                continue
            }
            tags.append(GitTag(
                name: fields[0], objectType: fields[1], tagObject: fields[2], targetCommit: fields[3],
                date: date.time, dateText: fields[4], tagger: fields[5],
                subject: fields[6...].joined(separator: "\t"),
                raw: Array(bytes[lines.start(index)..<lines.end(index)]), offset: lines.start(index)))
        }
        return (tags, errors)
    }

    /// Parses `text` and turns every tag into its event (see ``GitTag/event(options:)``).
    public static func events(_ text: String, options: GitParseOptions) -> (events: [Event], errors: [LocatedCIError]) {
        let parsed = parse(text, options: options)
        let matcher = options.deployRule.matcher()
        return (parsed.tags.map { $0.event(options: options, matcher: matcher) }, parsed.errors)
    }
}

extension GitTag {
    /// The tag as a `.change` release event of severity info: message `release v1.8.0 tagged by Ben Kochie`
    /// (`release 0.8.1 (lightweight tag)` without a tagger); attributes `tag`, `commit`,
    /// `annotated`, `tagger`, `subject`, `release: true` and `deploy: true` when the rule's tag
    /// pattern matches the name.
    public func event(options: GitParseOptions) -> Event {
        event(options: options, matcher: options.deployRule.matcher())
    }

    func event(options: GitParseOptions, matcher: GitDeployMatcher) -> Event {
        var attributes = CIAttributesText()
        attributes.add("tag", name)
        attributes.add("commit", commit)
        attributes.add("annotated", isAnnotated)
        attributes.add("tagger", ifPresent: tagger)
        attributes.add("subject", ifPresent: subject)
        attributes.add("release", true)
        if matcher.isDeploy(tagName: name) { attributes.add("deploy", true) }
        let message = tagger.isEmpty ? "release \(name) (lightweight tag)" : "release \(name) tagged by \(tagger)"
        return Event(
            timestamp: date, timestampText: dateText, sourceKind: .change, sourceName: options.sourceName,
            severity: .info, message: message, attributesJSON: attributes.finished, raw: raw,
            // Keyed by tag name and target (stable across re-reads), not by offset in the input.
            dedupeKey: DedupeKey(source: options.sourceIdentity, raw: Array("tag \(name) \(commit)".utf8), offset: 0))
    }
}
