/// A followed file's checkpoint: which file (device + inode), which incarnation of it
/// (truncations so far), and where the next unfinished record starts (byte offset and the
/// number of lines before it). Stored as text: `v1 <dev> <ino> <generation> <offset> <line>`.
public struct FollowPosition: Sendable, Hashable {
    public var device: UInt64
    public var inode: UInt64
    /// Incremented each time the file was found truncated, so re-written offsets get new dedupe keys.
    public var generation: Int
    /// End of the last complete record stored: where reading resumes.
    public var offset: Int64
    /// Physical lines before ``offset`` (for dead letters' file:line).
    public var line: Int

    public init(device: UInt64, inode: UInt64, generation: Int = 0, offset: Int64 = 0, line: Int = 0) {
        self.device = device
        self.inode = inode
        self.generation = generation
        self.offset = offset
        self.line = line
    }

    /// The text stored in the checkpoint table.
    public var encoded: String { "v1 \(device) \(inode) \(generation) \(offset) \(line)" }

    /// Reads ``encoded``; nil for anything else (an unknown or damaged checkpoint starts over at 0).
    public init?(encoded: String) {
        let parts = encoded.split(separator: " ")
        guard parts.count == 6, parts[0] == "v1",
              let device = UInt64(parts[1]), let inode = UInt64(parts[2]), let generation = Int(parts[3]),
              let offset = Int64(parts[4]), let line = Int(parts[5]), offset >= 0, line >= 0
        else { return nil }
        self.init(device: device, inode: inode, generation: generation, offset: offset, line: line)
    }

    /// Whether this position is in the file with `device` and `inode`.
    public func isSameFile(device: UInt64, inode: UInt64) -> Bool {
        self.device == device && self.inode == inode
    }
}
