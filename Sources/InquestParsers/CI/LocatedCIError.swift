/// A ``CIParseError`` that did not stop parsing: the record it concerns was skipped.
public struct LocatedCIError: Sendable, Hashable {
    /// The problem.
    public var error: CIParseError
    /// Byte offset of the skipped record in the input.
    public var offset: Int

    public init(error: CIParseError, offset: Int) {
        self.error = error
        self.offset = offset
    }
}
