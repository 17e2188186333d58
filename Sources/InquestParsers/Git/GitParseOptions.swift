/// What the git parsers need beyond the input text to build events.
public struct GitParseOptions: Sendable, Hashable {
    /// Shown as ``InquestCore/Event/sourceName`` (e.g. the repository's directory name).
    public var sourceName: String
    /// Hashed into every dedupe key (e.g. the repository path plus `log` or `tags`).
    public var sourceIdentity: String
    /// Which tags and commits are deploys.
    public var deployRule: GitDeployRule
    /// At most this many files are listed in a commit event's `files` attribute.
    public var maxFiles: Int
    /// The commit body is cut to this many UTF-8 bytes in the event's attributes.
    public var maxBodyBytes: Int

    public init(
        sourceName: String, sourceIdentity: String? = nil, deployRule: GitDeployRule = .default,
        maxFiles: Int = 50, maxBodyBytes: Int = 4096
    ) {
        self.sourceName = sourceName
        self.sourceIdentity = sourceIdentity ?? sourceName
        self.deployRule = deployRule
        self.maxFiles = maxFiles
        self.maxBodyBytes = maxBodyBytes
    }
}
