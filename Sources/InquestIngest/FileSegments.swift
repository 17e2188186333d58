import InquestParsers

/// A large regular file cut at record starts into segments that threads can parse on their own
/// (see ``SegmentedParsingProducer``).
///
/// Cuts are made about every `segmentBytes`, at the first record start at or after that point
/// (``LogStreamParser/recordStart(in:from:format:)``), so no record is split. The last segment
/// runs to the end of the file as it is when read, so lines appended meanwhile are parsed too.
struct FileSegments: Sendable, Equatable {
    /// Each segment's first byte, increasing, starting with the first byte read (0, or where a resumed ingest goes on); segment `i` ends where `i + 1` starts.
    let starts: [Int64]
    /// Threads that parse them, each taking every `threads`-th segment.
    let threads: Int

    var count: Int { starts.count }

    /// Where segment `index` ends: the next one's start, or nil for the last (read to the end).
    func end(of index: Int) -> Int64? { index + 1 < starts.count ? starts[index + 1] : nil }

    /// How much is read at once while looking for a record start.
    static let scanWindow = 64 * 1024
    /// Bytes before a candidate start that the scan sees (a JSON start also looks at the line before it).
    static let lookBehind = 4096

    /// The segments of `input`, or nil when it should be parsed on one thread: one thread asked
    /// for, a stream, a file smaller than two segments, or no record start found to cut at.
    /// `start` is the first byte to read (a record start).
    init?(input: InputFile, format: LogFormat, threads: Int, segmentBytes: Int, start: Int64 = 0) {
        guard threads > 1, !input.isStream, let size = input.size, segmentBytes > 0, size - start >= 2 * Int64(segmentBytes) else {
            return nil
        }
        var starts: [Int64] = [start]
        var nominal = start + Int64(segmentBytes)
        while nominal < size {
            // A read error leaves the file in fewer segments; the parsing reports it.
            let limit = min(size, nominal + Int64(segmentBytes))
            if let start = try? Self.recordStart(in: input, from: nominal, before: limit, format: format),
               start > (starts.last ?? 0), start < size {
                starts.append(start)
            }
            nominal += Int64(segmentBytes)
        }
        guard starts.count > 1 else { return nil }
        self.starts = starts
        self.threads = threads
    }

    /// The first record start in `[from, limit)` of the file, or nil when there is none.
    private static func recordStart(in input: InputFile, from: Int64, before limit: Int64, format: LogFormat) throws(IngestError) -> Int64? {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: lookBehind + scanWindow, alignment: 16)
        defer { buffer.deallocate() }
        var position = from
        while position < limit {
            let windowStart = max(0, position - Int64(lookBehind))
            let count = try input.read(at: windowStart, into: buffer)
            let index = Int(position - windowStart)
            guard count > index else { return nil }
            let window = UnsafeRawBufferPointer(rebasing: buffer[0..<count])
            if let found = LogStreamParser.recordStart(in: window, from: index, format: format) {
                let start = windowStart + Int64(found)
                return start < limit ? start : nil
            }
            position = windowStart + Int64(count)
            if count < buffer.count { return nil }  // the end of the file
        }
        return nil
    }
}
