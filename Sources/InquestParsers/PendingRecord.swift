/// A record being assembled from several physical lines (multi-line JSON, log4j with stack traces).
struct PendingRecord {
    var bytes: [UInt8] = []
    /// 1-based number of the record's first line.
    var firstLine = 0
    /// Byte offset of the record's first byte.
    var offset: Int64 = 0
    var lineCount = 0
    var isActive = false
    /// Whether the first line is a log4j header (else an orphan continuation parsed as plain).
    var hasHeader = false
    var tracker = JSONDepthTracker()

    mutating func start(_ line: Bytes, lineNumber: Int, offset: Int64) {
        bytes.removeAll(keepingCapacity: true)
        bytes.append(contentsOf: line)
        firstLine = lineNumber
        self.offset = offset
        lineCount = 1
        isActive = true
        hasHeader = false
        tracker = JSONDepthTracker()
    }

    mutating func append(_ line: Bytes) {
        bytes.append(ASCII.newline)
        bytes.append(contentsOf: line)
        lineCount += 1
    }

    mutating func reset() {
        isActive = false
        lineCount = 0
        if bytes.capacity > 1 << 20 { bytes = [] } else { bytes.removeAll(keepingCapacity: true) }
    }
}
