import Foundation

/// Names a watcher process in leases and health rows: `host:pid:random`, so two watchers on one
/// host (or a restarted one with a recycled pid) never share an owner id.
public enum WatcherIdentity {
    /// A fresh owner id for this process.
    public static func make() -> String {
        var random = SystemRandomNumberGenerator()
        let suffix = String(random.next() & 0xFFFF_FFFF, radix: 16)
        return "\(ProcessInfo.processInfo.hostName):\(getpid()):\(suffix)"
    }
}
