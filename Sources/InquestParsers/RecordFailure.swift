/// A record that could not be parsed, with where it was and why.
public struct RecordFailure: Sendable, Hashable {
    /// 1-based number of the record's first physical line.
    public var line: Int
    /// Byte offset of the record's first byte in the stream.
    public var offset: Int64
    /// What went wrong, where in the record, and what to do (``ParseError/description``).
    public var reason: String
    /// The record's bytes without line terminators.
    public var raw: [UInt8]
    /// The error behind ``reason``.
    public var error: ParseError
    /// For a line too long to parse (``ParseError/lineTooLong(maximumBytes:piece:)``), which piece
    /// of it this is, from 1; nil for a whole record.
    public var piece: Int?

    /// A failure whose ``reason`` is the error's message.
    public init(line: Int, offset: Int64, error: ParseError, raw: [UInt8]) {
        self.line = line
        self.offset = offset
        self.reason = error.description
        self.raw = raw
        self.error = error
        if case .lineTooLong(_, let piece) = error { self.piece = piece }
    }

    /// Where the record is in `path`, for its dead letter: `path:line`, and for a piece of a line
    /// too long to parse `path:line piece N` (dead letters are keyed by their location, so every
    /// piece is kept).
    public func location(in path: String) -> String {
        piece.map { "\(path):\(line)\(Self.pieceMarker)\($0)" } ?? "\(path):\(line)"
    }

    private static let pieceMarker = " piece "

    /// Whether a dead letter's location (``location(in:)``) names a piece of a line too long to parse.
    public static func isPiece(location: String) -> Bool {
        guard let marker = location.range(of: pieceMarker, options: .backwards) else { return false }
        let number = location[marker.upperBound...]
        return !number.isEmpty && number.unicodeScalars.allSatisfy { $0.value >= 48 && $0.value <= 57 }
    }
}
