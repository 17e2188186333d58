/// How far an ingest of one file has got, reported after each stored batch: what the
/// `ingest` command's progress line and the canvas's status line show.
public struct IngestProgress: Sendable, Hashable {
    /// The file as given (`-` for standard input).
    public var path: String
    /// Bytes of the file read and stored so far, counted from its start (a resumed ingest starts
    /// where the last one stopped).
    public var bytesRead: Int64
    /// The file's size when the ingest opened it; nil for a stream.
    public var totalBytes: Int64?
    /// Lines of the file read so far.
    public var lines: Int
    /// Events stored so far by this ingest (duplicates of stored events are not counted).
    public var stored: Int

    public init(path: String, bytesRead: Int64, totalBytes: Int64?, lines: Int, stored: Int) {
        self.path = path
        self.bytesRead = bytesRead
        self.totalBytes = totalBytes
        self.lines = lines
        self.stored = stored
    }

    /// Percent of the file read (0–100), when its size is known.
    public var percent: Double? {
        guard let totalBytes, totalBytes > 0 else { return nil }
        return min(100, Double(bytesRead) * 100 / Double(totalBytes))
    }
}
