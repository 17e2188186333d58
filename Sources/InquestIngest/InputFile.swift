import Foundation

/// An input opened for streaming: a regular file, or standard input for `-`.
///
/// A pipe, terminal or other stream (standard input that is not a file, or a named pipe) is read
/// with `read(2)`, which returns what has arrived instead of waiting to fill the buffer, so an
/// ingest of `kubectl logs -f … | inquest ingest -` stores records as they come (see
/// ``isStream`` and ``hasData(withinMilliseconds:)``).
final class InputFile {
    let displayPath: String
    /// The identity hashed into dedupe keys: the resolved absolute path, or `stdin`.
    let identity: String
    let sourceName: String
    let modificationDate: Date?
    let size: Int64?
    /// Whether this is a pipe, terminal or socket rather than a regular file: reads return what
    /// has arrived, and the ingest stores what it parsed whenever the input pauses.
    let isStream: Bool
    /// Device and inode of a regular file (nil for standard input and streams): what tells a
    /// file apart from another one later found at the same path.
    let fileIdentity: (device: UInt64, inode: UInt64)?
    private let handle: UnsafeMutablePointer<FILE>
    private let ownsHandle: Bool

    /// `standardInput` is the descriptor `-` reads (standard input unless the canvas moved it
    /// to keep descriptor 0 for the terminal).
    init(path: String, standardInput: Int32 = STDIN_FILENO) throws(IngestError) {
        displayPath = path
        if path == "-" {
            guard let stdinHandle = fdopen(dup(standardInput), "rb") else {
                throw .unreadable(path: "stdin", reason: String(cString: strerror(errno)))
            }
            handle = stdinHandle
            ownsHandle = true
            identity = "stdin"
            sourceName = Self.sourceName(of: path)
            modificationDate = nil
            size = nil
            isStream = Self.isStream(fileno(stdinHandle))
            fileIdentity = nil
            return
        }
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOENT { throw .fileNotFound(path: path) }
            throw .unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            throw .unreadable(path: path, reason: "it is a directory (give the files inside it, e.g. \(path)/*.log)")
        }
        guard let fileHandle = fopen(path, "rb") else {
            throw .unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        handle = fileHandle
        ownsHandle = true
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        identity = absolute
        sourceName = Self.sourceName(of: path)
        modificationDate = Date(timeIntervalSince1970: Double(info.st_mtim.tv_sec))
        size = Int64(info.st_size)
        isStream = Self.isStream(fileno(fileHandle))
        fileIdentity = isStream ? nil : (UInt64(info.st_dev), UInt64(info.st_ino))
    }

    /// Moves a regular file's read position to `offset` (a resumed ingest starts there).
    func seek(to offset: Int64) throws(IngestError) {
        guard fseeko(handle, off_t(offset), SEEK_SET) == 0 else {
            throw .unreadable(path: displayPath, reason: String(cString: strerror(errno)))
        }
    }

    /// The source name events of `path` get: its last component, `stdin` for `-`.
    static func sourceName(of path: String) -> String {
        path == "-" ? "stdin" : URL(fileURLWithPath: path).lastPathComponent
    }

    private static func isStream(_ descriptor: Int32) -> Bool {
        var info = stat()
        return fstat(descriptor, &info) != 0 || (info.st_mode & S_IFMT) != S_IFREG
    }

    deinit {
        if ownsHandle { fclose(handle) }
    }

    /// Reads up to `buffer.count` bytes; 0 at the end. Throws on a read error. A stream returns
    /// what has arrived (at least one byte, waiting for it), a file as much as fits.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(IngestError) -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        guard isStream else {
            let count = fread(base, 1, buffer.count, handle)
            if count == 0 && ferror(handle) != 0 {
                throw .unreadable(path: displayPath, reason: String(cString: strerror(errno)))
            }
            return count
        }
        while true {
            let count = Glibc.read(fileno(handle), base, buffer.count)
            if count >= 0 { return count }
            if errno != EINTR { throw .unreadable(path: displayPath, reason: String(cString: strerror(errno))) }
        }
    }

    /// Reads up to `buffer.count` bytes at `offset` of a regular file without moving its read
    /// position, so several threads can read one file (see ``SegmentedParsingProducer``); 0 at the end.
    func read(at offset: Int64, into buffer: UnsafeMutableRawBufferPointer) throws(IngestError) -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        var filled = 0
        while filled < buffer.count {
            let count = pread(fileno(handle), base + filled, buffer.count - filled, off_t(offset) + off_t(filled))
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                throw .unreadable(path: displayPath, reason: String(cString: strerror(errno)))
            }
            filled += count
        }
        return filled
    }

    /// Reads a first sample to detect the format from: for a stream, what arrives until the
    /// buffer holds `minimum` bytes, the input ends, or nothing more arrives for `pause` ms (a
    /// single first line would be too little to tell formats apart); for a file, one read.
    func readSample(into buffer: UnsafeMutableRawBufferPointer, minimum: Int = 64 * 1024, pause: Int32 = 300) throws(IngestError) -> Int {
        var filled = try read(into: buffer)
        guard isStream else { return filled }
        while filled > 0, filled < min(minimum, buffer.count), hasData(withinMilliseconds: pause) {
            let count = try read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]))
            if count == 0 { break }
            filled += count
        }
        return filled
    }

    /// Whether a read would return at once (data, or the end) within `milliseconds`; always
    /// true for a regular file.
    func hasData(withinMilliseconds milliseconds: Int32) -> Bool {
        guard isStream else { return true }
        var descriptor = pollfd(fd: fileno(handle), events: Int16(POLLIN), revents: 0)
        while true {
            let ready = poll(&descriptor, 1, milliseconds)
            if ready >= 0 { return ready > 0 }
            if errno != EINTR { return true }  // let the read report the error
        }
    }
}
