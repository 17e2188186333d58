import Foundation
import InquestTmux
import InquestStore

/// The real `inquest` binary's first frame in a 120×40 tmux pane, beside lnav opening the
/// same data as a file: time from starting the session to the screen showing the data.
struct CanvasFirstFrameInTmux {
    let databasePath: String
    let events: Int

    func run() throws {
        print("-- real binaries to first frame in tmux (120×40, capture-pane polled every 10 ms; includes tmux start) --")
        let inquest = BenchSupport.releaseBinary
        guard FileManager.default.isExecutableFile(atPath: inquest) else {
            print("  \(inquest) is missing: build it with `swift build -c release --product inquest` first")
            return
        }
        let stored = try InquestStore.open(path: databasePath).count(.everything)
        let title = "\(stored.grouped) events"
        var ours: [Double] = []
        for _ in 0..<5 {
            guard let seconds = try firstFrame(command: [inquest, "--db", databasePath], until: { $0.contains(title) }) else {
                print("  inquest never showed \"\(title)\" within 30 s")
                return
            }
            ours.append(seconds)
        }
        let ourMedian = BenchSupport.percentile(ours, 0.5) * 1000
        print("  inquest --db \(URL(fileURLWithPath: databasePath).lastPathComponent) until \"\(title)\": median \(BenchSupport.format(ourMedian, 1)) ms of 5 (\(ours.map { BenchSupport.format($0 * 1000, 0) }.joined(separator: ", ")))")

        let file = BenchSupport.dataDirectory.appendingPathComponent("app-\(events).jsonl").path
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/lnav") else {
            print("  lnav not installed (apt-get install lnav): no peer figure")
            return
        }
        guard let marker = try lnavMarker(file: file) else {
            print("  cannot read \(file) for lnav's marker line")
            return
        }
        var theirs: [Double] = []
        for _ in 0..<3 {
            guard let seconds = try firstFrame(command: ["/usr/bin/lnav", file], until: { $0.contains(marker) }) else {
                print("  lnav never showed the file's last line within 120 s")
                return
            }
            theirs.append(seconds)
        }
        let theirMedian = BenchSupport.percentile(theirs, 0.5) * 1000
        print("  lnav \(URL(fileURLWithPath: file).lastPathComponent) until its last line shows: median \(BenchSupport.format(theirMedian, 1)) ms of 3 (\(theirs.map { BenchSupport.format($0 * 1000, 0) }.joined(separator: ", ")))")
        print("  ratio inquest / lnav: \(BenchSupport.format(ourMedian / theirMedian, 3)) (lnav re-indexes the file on every open; inquest reads the ingested store)")
    }

    /// The start of the file's last line. lnav 0.11 opens this file at its end (it tails),
    /// so the last line on screen means the whole file was indexed and drawn.
    func lnavMarker(file: String) throws -> String? {
        guard let handle = FileHandle(forReadingAtPath: file) else { return nil }
        defer { try? handle.close() }
        let size = try handle.seekToEnd()
        try handle.seek(toOffset: size > 4096 ? size - 4096 : 0)
        let tail = String(decoding: try handle.readToEnd() ?? Data(), as: UTF8.self)
        guard let line = tail.split(separator: "\n").last, line.count >= 20 else { return nil }
        return String(line.prefix(40))
    }

    /// Seconds from starting a tmux session running `command` to `predicate` holding on its
    /// screen, or nil after the deadline.
    func firstFrame(command: [String], until predicate: (String) -> Bool, deadline: Double = 120) throws -> Double? {
        try TmuxScreenTimer(command: command).seconds(until: predicate, deadline: deadline)
    }
}
