import Foundation

/// Device, inode and size of a file, from `stat`/`fstat`.
struct FileIdentity: Sendable, Hashable {
    var device: UInt64
    var inode: UInt64
    var size: Int64

    /// `stat(path)`; nil when the path does not exist (or is not a regular file).
    static func of(path: String) -> FileIdentity? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return FileIdentity(info)
    }

    /// `fstat(descriptor)`.
    static func of(descriptor: Int32) -> FileIdentity? {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        return FileIdentity(info)
    }

    init(device: UInt64, inode: UInt64, size: Int64) {
        self.device = device
        self.inode = inode
        self.size = size
    }

    private init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
    }

    /// A regular file in `path`'s directory with this device and inode (where a followed file
    /// went when it was rotated by rename), or nil.
    func findRenamed(near path: String) -> String? {
        let directory = (path as NSString).deletingLastPathComponent
        let folder = directory.isEmpty ? "." : directory
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return nil }
        for name in names.sorted() {
            let candidate = (folder as NSString).appendingPathComponent(name)
            if let identity = FileIdentity.of(path: candidate), identity.device == device, identity.inode == inode {
                return candidate
            }
        }
        return nil
    }
}
