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

    /// Whether `owner` names a process on this host that no longer exists (a watcher killed
    /// with SIGKILL), so its lease can be taken over without waiting for it to expire. A
    /// recycled pid makes this say "alive": the caller then waits for the expiry, the safe side.
    public static func isDeadLocalProcess(_ owner: String) -> Bool {
        let parts = owner.split(separator: ":")
        guard parts.count >= 3, String(parts[parts.count - 3]) == ProcessInfo.processInfo.hostName,
              let pid = Int32(parts[parts.count - 2]), pid > 0, pid != getpid()
        else { return false }
        return kill(pid, 0) != 0 && errno == ESRCH
    }
}
