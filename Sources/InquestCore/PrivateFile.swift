import Foundation

/// Writes files that hold raw records (exports, bundles) readable by their owner only, like the
/// store: mode 0600 whatever the umask, replaced atomically (a temporary file in the same
/// directory, renamed over the target), so no reader ever sees a half-written or wider-open file.
public enum PrivateFile {
    /// The mode of every file written here.
    public static let mode: mode_t = 0o600

    /// Writes `data` to `path` with mode 0600; throws a `POSIXError` naming what failed.
    public static func write(_ data: Data, to path: String) throws {
        let directory = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let temporary = (directory.isEmpty ? "" : directory + "/") + ".\(name).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        let descriptor = open(temporary, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, mode)
        guard descriptor >= 0 else { throw failure() }
        var succeeded = false
        defer {
            if !succeeded { unlink(temporary) }
        }
        do {
            defer { close(descriptor) }
            guard fchmod(descriptor, mode) == 0 else { throw failure() }
            try data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
                var offset = 0
                while offset < bytes.count, let base = bytes.baseAddress {
                    let written = Foundation.write(descriptor, base + offset, bytes.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        throw failure()
                    }
                    offset += written
                }
            }
        }
        guard rename(temporary, path) == 0 else { throw failure() }
        succeeded = true
    }

    /// Sets an existing file (written by another program, e.g. a PDF printer) to mode 0600.
    public static func restrict(_ path: String) throws {
        guard chmod(path, mode) == 0 else { throw failure() }
    }

    private static func failure() -> POSIXError {
        POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
    }
}
