import Foundation

/// An input opened for streaming: a regular file, or standard input for `-`.
final class InputFile {
    let displayPath: String
    /// The identity hashed into dedupe keys: the resolved absolute path, or `stdin`.
    let identity: String
    let sourceName: String
    let modificationDate: Date?
    let size: Int64?
    private let handle: UnsafeMutablePointer<FILE>
    private let ownsHandle: Bool

    init(path: String) throws(IngestError) {
        displayPath = path
        if path == "-" {
            guard let stdinHandle = fdopen(dup(STDIN_FILENO), "rb") else {
                throw .unreadable(path: "stdin", reason: String(cString: strerror(errno)))
            }
            handle = stdinHandle
            ownsHandle = true
            identity = "stdin"
            sourceName = "stdin"
            modificationDate = nil
            size = nil
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
        sourceName = URL(fileURLWithPath: path).lastPathComponent
        modificationDate = Date(timeIntervalSince1970: Double(info.st_mtim.tv_sec))
        size = Int64(info.st_size)
    }

    deinit {
        if ownsHandle { fclose(handle) }
    }

    /// Reads up to `buffer.count` bytes; 0 at the end. Throws on a read error.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(IngestError) -> Int {
        guard let base = buffer.baseAddress else { return 0 }
        let count = fread(base, 1, buffer.count, handle)
        if count == 0 && ferror(handle) != 0 {
            throw .unreadable(path: displayPath, reason: String(cString: strerror(errno)))
        }
        return count
    }
}
