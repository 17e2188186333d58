import Foundation

extension InquestStore {
    /// Creates the parent directory (mode 0700) and an empty database file (mode 0600) unless
    /// they exist. An empty file is a valid empty SQLite database; SQLite gives the `-wal` and
    /// `-shm` files the same mode as the database file.
    static func prepareFile(at path: String) throws {
        let fileManager = FileManager.default
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty, !fileManager.fileExists(atPath: directory) {
            do {
                try fileManager.createDirectory(
                    atPath: directory, withIntermediateDirectories: true,
                    attributes: [.posixPermissions: 0o700])
            } catch {
                throw StoreError.cannotOpen(path: path, reason: "cannot create directory \(directory): \(error.localizedDescription)")
            }
            // The umask may have removed bits; set the mode exactly.
            guard chmod(directory, 0o700) == 0 else {
                throw StoreError.cannotOpen(path: path, reason: "cannot set mode 0700 on \(directory): \(String(cString: strerror(errno)))")
            }
        }
        guard !fileManager.fileExists(atPath: path) else { return }
        let descriptor = Foundation.open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        if descriptor < 0 {
            let code = errno
            // Another process created it between the check and the open: use theirs.
            if code == EEXIST { return }
            throw StoreError.cannotOpen(path: path, reason: "cannot create the file: \(String(cString: strerror(code)))")
        }
        defer { close(descriptor) }
        guard fchmod(descriptor, 0o600) == 0 else {
            throw StoreError.cannotOpen(path: path, reason: "cannot set mode 0600: \(String(cString: strerror(errno)))")
        }
    }

    /// What was done about a store directory others can write to (they could replace the
    /// database or plant a `-wal` file beside it).
    enum DirectoryExposure: Equatable {
        /// Group and others lost write permission (the directory is ours and not shared).
        case tightened(directory: String, from: mode_t, to: mode_t)
        /// The directory is shared (sticky, like /tmp) or not ours: it is left alone, with a warning.
        case leftShared(directory: String, mode: mode_t)
    }

    /// Removes group/other write permission from the store's directory when it is ours and not a
    /// shared sticky directory (such as /tmp); nil when nothing needed doing.
    static func tightenDirectory(of path: String) -> DirectoryExposure? {
        let directory = (path as NSString).deletingLastPathComponent
        let target = directory.isEmpty ? "." : directory
        var info = stat()
        guard stat(target, &info) == 0 else { return nil }
        let mode = info.st_mode & 0o7777
        guard mode & 0o022 != 0 else { return nil }
        guard info.st_uid == geteuid(), mode & mode_t(S_ISVTX) == 0 else {
            return mode & 0o002 != 0 ? .leftShared(directory: target, mode: mode) : nil
        }
        let tightened = mode & ~0o022
        guard chmod(target, tightened) == 0 else { return .leftShared(directory: target, mode: mode) }
        return .tightened(directory: target, from: mode, to: tightened)
    }
}
