import Foundation

/// CPU time the hypervisor gave to other guests while a benchmark ran (the `steal` column of
/// `/proc/stat`), so a figure measured on a busy shared host can be told apart from a regression.
struct StealMeter {
    private let startTicks: Int?
    private let start = ContinuousClock.now

    init() {
        startTicks = Self.stealTicks()
    }

    /// `steal 1.2 s of 2 cores × 9.8 s (6%)`, or nil where `/proc/stat` is unreadable.
    func report() -> String? {
        guard let startTicks, let endTicks = Self.stealTicks() else { return nil }
        let stolen = Double(endTicks - startTicks) / Double(max(1, sysconf(Int32(_SC_CLK_TCK))))
        let wall = BenchSupport.seconds(since: start)
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let share = wall > 0 ? 100 * stolen / (wall * Double(cores)) : 0
        return "cpu steal \(BenchSupport.format(stolen, 1)) s of \(cores) cores × \(BenchSupport.format(wall, 1)) s (\(Int(share.rounded()))%)"
    }

    /// The 8th value of the `cpu` line of `/proc/stat`, in clock ticks.
    private static func stealTicks() -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/stat", encoding: .utf8),
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix("cpu ") })
        else { return nil }
        let fields = line.split(separator: " ").dropFirst().compactMap { Int($0) }
        return fields.count > 7 ? fields[7] : nil
    }
}
