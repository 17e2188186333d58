import InquestCore
import InquestParsers

/// Where a later ingest of the same file goes on: the start of the first record not yet
/// stored, with the number of lines before it, in the same transaction as the events before it
/// (the file's checkpoint, `file:` + its resolved path).
///
/// A file is the same file when its device and inode are, and it has not shrunk below the
/// point; the format it was read in is kept, so a resumed read does not detect it again from
/// the middle of the file. Anything else (another file at that path, a truncated file, a
/// checkpoint written before this existed: just the offset) reads the file from its start,
/// and the dedupe keys skip what is stored.
struct FileResumePoint: Sendable, Equatable {
    /// Byte offset of the first record not stored.
    var offset: Int64
    /// Lines of the file before ``offset``.
    var line: Int
    var device: UInt64
    var inode: UInt64
    var format: LogFormat
    /// The time of the last event stored before ``offset`` (nil for none): records after the
    /// point with no time of their own inherit it, as they would in one ingest of the whole file.
    var previousTime: Timestamp?

    /// `BYTES resume OFFSET LINE DEVICE INODE FORMAT TIME`: the bytes read first (what the
    /// checkpoint held before), then the point (`-` for no time).
    func encoded(bytesRead: Int64) -> String {
        "\(bytesRead) resume \(offset) \(line) \(device) \(inode) \(format.rawValue) \(previousTime.map { String($0.nanoseconds) } ?? "-")"
    }

    init(offset: Int64, line: Int, device: UInt64, inode: UInt64, format: LogFormat, previousTime: Timestamp?) {
        self.offset = offset
        self.line = line
        self.device = device
        self.inode = inode
        self.format = format
        self.previousTime = previousTime
    }

    /// The point a checkpoint holds, or nil for a position in another (or the older) form.
    init?(encoded: String) {
        let parts = encoded.split(separator: " ")
        guard parts.count == 8, parts[1] == "resume",
              let offset = Int64(parts[2]), offset >= 0, let line = Int(parts[3]), line >= 0,
              let device = UInt64(parts[4]), let inode = UInt64(parts[5]),
              let format = LogFormat(rawValue: String(parts[6])) else { return nil }
        let previousTime = Int64(parts[7]).map { Timestamp(nanoseconds: $0) }
        guard previousTime != nil || parts[7] == "-" else { return nil }
        self.init(offset: offset, line: line, device: device, inode: inode, format: format, previousTime: previousTime)
    }

    /// Whether this point is in `input` as it is now: the same device and inode, and no shorter.
    func applies(to input: InputFile) -> Bool {
        guard let identity = input.fileIdentity, let size = input.size else { return false }
        return identity.device == device && identity.inode == inode && size >= offset
    }
}
