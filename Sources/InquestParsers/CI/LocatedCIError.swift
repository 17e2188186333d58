/// A ``ParseError`` that did not stop parsing: the record it concerns was skipped.
public struct LocatedCIError: Sendable, Hashable {
    /// The problem.
    public var error: ParseError
    /// Byte offset of the skipped record in the input.
    public var offset: Int

    public init(error: ParseError, offset: Int) {
        self.error = error
        self.offset = offset
    }
}
