import InquestCore

/// What CI and git parsers need beyond the input bytes to build events.
public struct CIParseOptions: Sendable, Hashable {
    /// Shown as ``Event/sourceName`` (a file's base name or a feed's name).
    public var sourceName: String
    /// Hashed into every ``DedupeKey`` (a file path or feed identity), so re-reading the same
    /// input yields the same keys.
    public var sourceIdentity: String
    /// The time of records that carry none (a JUnit suite without `timestamp`): usually the
    /// report file's modification time.
    public var fallbackTime: Timestamp
    /// Failure bodies and other long texts are cut to this many UTF-8 bytes.
    public var maxBodyBytes: Int

    public init(sourceName: String, sourceIdentity: String? = nil, fallbackTime: Timestamp, maxBodyBytes: Int = 4096) {
        self.sourceName = sourceName
        self.sourceIdentity = sourceIdentity ?? sourceName
        self.fallbackTime = fallbackTime
        self.maxBodyBytes = maxBodyBytes
    }
}
