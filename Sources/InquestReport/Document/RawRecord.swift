/// The raw input record of a linked event, exactly recoverable.
public struct RawRecord: Sendable, Hashable, Codable {
    /// How ``data`` holds the bytes.
    public enum Encoding: String, Sendable, Hashable, Codable {
        /// The bytes are valid UTF-8 and `data` is that text.
        case utf8
        /// The bytes are not valid UTF-8 and `data` is their base64.
        case base64
    }

    /// The timeline entry's ``TimelineEntry/ref``.
    public var ref: Int
    public var eventID: Int64
    public var encoding: Encoding
    public var data: String
    public var byteCount: Int

    public init(ref: Int, eventID: Int64, encoding: Encoding, data: String, byteCount: Int) {
        self.ref = ref
        self.eventID = eventID
        self.encoding = encoding
        self.data = data
        self.byteCount = byteCount
    }
}
