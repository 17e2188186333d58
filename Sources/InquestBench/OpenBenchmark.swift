import Foundation

/// `inquest FILE` against `lnav FILE`: the real binaries in tmux, from start to the first
/// screen, on gen_events.py files of each size, in one run.
///
/// For inquest (a fresh store each run): the first frame (the canvas drawn, the ingest started
/// behind it) and the first events on screen (the timeline's title counts some and the status line
/// shows the ingest's percent). For lnav (`-I ../shared/bench/lnav`, the benchmark's JSON format):
/// the file's last line on screen, which lnav 0.11 draws once it has indexed the whole file (it
/// opens at the end). Then, on the smallest file, the whole ingest to "ingest done", and opening
/// the already stored file again (only its new bytes, none, are read).
struct OpenBenchmark {
    var sizes: [Int] = [1_000_000, 10_000_000]
    var runs = 3

    init(arguments: [String]) throws {
        var index = 0
        while index < arguments.count {
            let value = index + 1 < arguments.count ? arguments[index + 1] : ""
            switch arguments[index] {
            case "--events":
                sizes = value.split(separator: ",").compactMap { Int($0) }
                index += 1
            case "--runs":
                runs = Int(value) ?? runs
                index += 1
            default:
                throw BenchSupport.Failure(description: "usage: inquest-bench open [--events 1000000,10000000] [--runs 3]")
            }
            index += 1
        }
        guard !sizes.isEmpty, runs > 0 else { throw BenchSupport.Failure(description: "--events needs sizes, --runs a count") }
    }

    func run() throws {
        let inquest = BenchSupport.releaseBinary
        guard FileManager.default.isExecutableFile(atPath: inquest) else {
            throw BenchSupport.Failure(description: "\(inquest) is missing: build it with `swift build -c release --product inquest` first")
        }
        print("-- inquest FILE vs lnav FILE: start to first screen in tmux (120×40, polled every 10 ms, includes tmux's start) --")
        print("   load average at start: \(Self.loadAverage())")
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("inquest-open-bench-\(getpid())")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        for events in sizes {
            let file = try BenchSupport.generatedFile(events: events, suffix: "jsonl").path
            let megabytes = Double((try FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0) / 1e6
            print("  \(events.grouped) lines (\(BenchSupport.format(megabytes, 0)) MB):")
            var frames: [Double] = []
            var firstEvents: [Double] = []
            for run in 0..<runs {
                let database = scratch.appendingPathComponent("open-\(events)-\(run).db").path
                let timer = try TmuxScreenTimer(command: [inquest, file, "--db", database], environment: ["HOME": scratch.path, "XDG_CONFIG_HOME": scratch.path])
                guard let frame = try timer.seconds(until: { $0.contains("┌ Timeline") }, deadline: 30),
                      let shown = try timer.seconds(until: Self.showsEventsWhileIngesting, deadline: 60) else {
                    print("    inquest never showed its canvas and events within 60 s: \(try timer.screen())")
                    return
                }
                frames.append(frame)
                firstEvents.append(shown)
                try timer.send("q")
                _ = try timer.seconds(until: { _ in timer.hasExited }, deadline: shown + 10)
                Self.removeStore(database)
            }
            print("    inquest first frame:  median \(Self.milliseconds(frames)) (\(Self.each(frames)))")
            print("    inquest first events: median \(Self.milliseconds(firstEvents)) (\(Self.each(firstEvents)))")
            try lnav(file: file, scratch: scratch, inquestMedian: BenchSupport.percentile(firstEvents, 0.5))
        }
        if let smallest = sizes.min() {
            try storedReopen(file: try BenchSupport.generatedFile(events: smallest, suffix: "jsonl").path, scratch: scratch, inquest: inquest)
        }
        print("   load average at end: \(Self.loadAverage())")
    }

    /// lnav with the benchmark's format, until the file's last line shows.
    func lnav(file: String, scratch: URL, inquestMedian: Double) throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/lnav") else {
            print("    lnav not installed (apt-get install lnav): no peer figure")
            return
        }
        let formats = BenchSupport.repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/bench/lnav").path
        let markers = try Self.lastLineMarkers(file: file)
        var times: [Double] = []
        for _ in 0..<runs {
            let timer = try TmuxScreenTimer(command: ["/usr/bin/lnav", "-I", formats, file], environment: ["HOME": scratch.path, "XDG_CONFIG_HOME": scratch.path])
            guard let seconds = try timer.seconds(until: { screen in markers.contains { screen.contains($0) } }, deadline: 300) else {
                print("    lnav never showed the file's last line within 300 s: \(try timer.screen())")
                return
            }
            times.append(seconds)
        }
        let median = BenchSupport.percentile(times, 0.5)
        print("    lnav -I shared/bench/lnav, last line shown: median \(Self.milliseconds(times)) (\(Self.each(times)))")
        print("    lnav / inquest first events: \(BenchSupport.format(median / inquestMedian, 1))×")
    }

    /// Ingests the file whole once, then opens it again on that store: nothing new to read.
    func storedReopen(file: String, scratch: URL, inquest: String) throws {
        let database = scratch.appendingPathComponent("reopen.db").path
        defer { Self.removeStore(database) }
        let environment = ["HOME": scratch.path, "XDG_CONFIG_HOME": scratch.path]
        let whole = try TmuxScreenTimer(command: [inquest, file, "--db", database], environment: environment)
        guard let done = try whole.seconds(until: { $0.contains("ingest done") }, deadline: 600) else {
            print("  the whole ingest did not end within 600 s")
            return
        }
        try whole.send("q")
        _ = try whole.seconds(until: { _ in whole.hasExited }, deadline: done + 10)
        print("  \(URL(fileURLWithPath: file).lastPathComponent) whole, to \"ingest done\" (stored and full text indexed): \(BenchSupport.format(done, 2)) s")
        var reopened: [Double] = []
        for _ in 0..<runs {
            let timer = try TmuxScreenTimer(command: [inquest, file, "--db", database], environment: environment)
            guard let seconds = try timer.seconds(until: { $0.contains("ingest done · 0 events") && Self.timelineCount($0) ?? 0 > 0 }, deadline: 60) else {
                print("  reopening never showed the stored events and \"ingest done · 0 events\": \(try timer.screen())")
                return
            }
            reopened.append(seconds)
            try timer.send("q")
            _ = try timer.seconds(until: { _ in timer.hasExited }, deadline: seconds + 10)
        }
        print("  opened again once stored, to its events and \"ingest done · 0 events\": median \(Self.milliseconds(reopened)) (\(Self.each(reopened)))")
    }

    /// The timeline's title counts events and the status line shows the ingest's percent.
    static func showsEventsWhileIngesting(_ screen: String) -> Bool {
        guard let count = timelineCount(screen), count > 0 else { return false }
        return screen.contains("ingest done") || screen.split(separator: "\n").contains { $0.contains(" ingest ") && $0.contains("% · ") }
    }

    /// The count in the timeline's title (`┌ Timeline ─── 10,034 events · UTC`).
    static func timelineCount(_ screen: String) -> Int? {
        guard let line = screen.split(separator: "\n").first(where: { $0.contains("┌ Timeline") }),
              let range = line.range(of: " events · ") else { return nil }
        let digits = line[..<range.lowerBound].reversed().prefix { $0.isNumber || $0 == "," }
        return Int(String(digits.reversed()).replacingOccurrences(of: ",", with: ""))
    }

    /// How the file's last line looks in lnav: as the benchmark format draws it
    /// (`host service: msg`), or raw when the format is not loaded.
    static func lastLineMarkers(file: String) throws -> [String] {
        guard let handle = FileHandle(forReadingAtPath: file) else { throw BenchSupport.Failure(description: "cannot read \(file)") }
        defer { try? handle.close() }
        let size = try handle.seekToEnd()
        try handle.seek(toOffset: size > 4096 ? size - 4096 : 0)
        let tail = String(decoding: try handle.readToEnd() ?? Data(), as: UTF8.self)
        guard let line = tail.split(separator: "\n").last else { throw BenchSupport.Failure(description: "\(file) is empty") }
        var markers = [String(line.prefix(40))]
        if let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
           let host = object["host"] as? String, let service = object["service"] as? String, let message = object["msg"] as? String {
            markers.append("\(host) \(service): \(message)")
        }
        return markers
    }

    static func removeStore(_ path: String) {
        for suffix in ["", "-wal", "-shm", "-fts", "-fts-wal", "-fts-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("canvas.log").path)
    }

    static func milliseconds(_ values: [Double]) -> String {
        "\(BenchSupport.format(BenchSupport.percentile(values, 0.5) * 1000, 0)) ms"
    }

    static func each(_ values: [Double]) -> String {
        values.map { BenchSupport.format($0 * 1000, 0) }.joined(separator: ", ") + " ms"
    }

    static func loadAverage() -> String {
        (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ") ?? "?"
    }
}
