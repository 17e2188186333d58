/// Which git tags and commits mark deploys: a regular expression on tag names and, optionally,
/// one on commit subjects. Matching events get the attribute `"deploy": true`.
public struct GitDeployRule: Sendable, Hashable {
    /// Matched against tag names (search, not whole match); nil matches no tag.
    public var tagPattern: String?
    /// Matched against commit subjects (search); nil matches no commit.
    public var subjectPattern: String?

    /// Version tags (`^v\d`) are deploys; commits are not.
    public static let `default` = GitDeployRule(validatedTag: #"^v\d"#, subject: nil)

    /// Builds a rule, checking both patterns compile.
    ///
    /// - Throws: the regex compiler's error for an invalid pattern.
    public init(tagPattern: String?, subjectPattern: String?) throws {
        if let tagPattern { _ = try Regex(tagPattern) }
        if let subjectPattern { _ = try Regex(subjectPattern) }
        self.tagPattern = tagPattern
        self.subjectPattern = subjectPattern
    }

    private init(validatedTag: String?, subject: String?) {
        tagPattern = validatedTag
        subjectPattern = subject
    }

    /// The compiled form used during one parse.
    func matcher() -> GitDeployMatcher {
        GitDeployMatcher(
            tag: tagPattern.flatMap { try? Regex($0) },
            subject: subjectPattern.flatMap { try? Regex($0) })
    }
}
