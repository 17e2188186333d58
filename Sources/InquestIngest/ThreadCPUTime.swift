import Foundation

/// The CPU time the calling thread has used, in seconds (user and system), for the per-stage
/// figures of ``IngestSummary/cpuSeconds``.
enum ThreadCPUTime {
    static func now() -> Double {
        var time = timespec()
        guard clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time) == 0 else { return 0 }
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
