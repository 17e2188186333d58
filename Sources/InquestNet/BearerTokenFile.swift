import Foundation
import Synchronization

/// The bearer token a receiver open to other machines requires, kept in a file.
///
/// The file must be the owner's alone (mode 0600: nothing for group or others) and hold the token
/// (surrounding whitespace ignored). It is checked on every request and re-read when it changes
/// (another inode, size or modification time), so replacing the file revokes the old token at
/// once. A missing, empty or too-open file refuses every request. Tokens are compared in
/// constant time.
public final class BearerTokenFile: Sendable {
    /// The token file.
    public let path: String
    private let cache = Mutex<Cached?>(nil)

    private struct Cached {
        var stamp: Stamp
        var token: [UInt8]
    }

    /// What identifies one version of the file.
    private struct Stamp: Equatable {
        var device: UInt64
        var inode: UInt64
        var size: Int64
        var modified: Int64
        var modifiedNanoseconds: Int64
        var mode: UInt32
    }

    public init(path: String) {
        self.path = path
    }

    /// The current token; throws ``NetError/tokenFileRefused(path:reason:)`` when the file is
    /// missing, empty or readable by group or others.
    public func token() throws(NetError) -> [UInt8] {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw .tokenFileRefused(path: path, reason: "cannot read it (\(String(cString: strerror(errno))))")
        }
        let mode = UInt32(info.st_mode) & 0o777
        guard mode & 0o077 == 0 else {
            throw .tokenFileRefused(path: path, reason: "mode \(String(mode, radix: 8)) lets group or others read it")
        }
        let stamp = Stamp(
            device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size),
            modified: Int64(info.st_mtim.tv_sec), modifiedNanoseconds: Int64(info.st_mtim.tv_nsec), mode: mode)
        if let cached = cache.withLock({ $0 }), cached.stamp == stamp { return cached.token }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .tokenFileRefused(path: path, reason: "cannot read it")
        }
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw .tokenFileRefused(path: path, reason: "it is empty") }
        let token = Array(text.utf8)
        cache.withLock { $0 = Cached(stamp: stamp, token: token) }
        return token
    }

    /// Whether `authorization` (the request's `Authorization` header) is `Bearer <the token>`.
    /// False whenever the file is refused.
    public func permits(authorization: String?) -> Bool {
        guard let expected = try? token(), let authorization else { return false }
        let prefix = "bearer "
        guard authorization.count > prefix.count, authorization.prefix(prefix.count).lowercased() == prefix else { return false }
        let given = Array(authorization.utf8.dropFirst(prefix.utf8.count))
        return Self.constantTimeEqual(given, expected)
    }

    /// Compares in time that depends only on the lengths, not on where the bytes differ.
    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        var difference = UInt8(a.count == b.count ? 0 : 1)
        let count = max(a.count, b.count)
        for index in 0..<count {
            let x = index < a.count ? a[index] : 0
            let y = index < b.count ? b[index] : 0
            difference |= x ^ y
        }
        return difference == 0
    }
}
