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
}
