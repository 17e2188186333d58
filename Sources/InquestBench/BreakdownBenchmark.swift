import Foundation
import InquestCore
import InquestStore

/// `inquest-bench breakdown [--events 1000000] [--full 10000000] [--runs 5]`: breakdowns,
/// compares and the trace breakdown on synthetic stores, built once through the store's append
/// path and cached in `.build-bench-data/` (delete them to rebuild):
/// - `--events` events in one hour (the goal: a breakdown over 1M events in a 1 h window ≤ 300 ms),
///   with a span for every tenth event;
/// - `--full` events at 1M an hour (the goal: over a full 10M-event store ≤ 3 s).
/// 20 services, 50 hosts, 300 templates (10 absorbed into others), a level mix with 5% errors,
/// four files, a `status` attribute (6 values) and a `user` one (5,000: over the attribute
/// counts' cap of 64 values per ten minutes, so a breakdown by it alone reads its per-value
/// counts); a fault from minute 40 makes one service and 3 templates louder. As in
/// `gen_events.py` (the shared benchmark's "realistic" data), each template is one service's and
/// has one level, and each service runs on its own group of 10 hosts.
///
/// Each breakdown is timed as the store reads it (ten-minute counts where they answer) and
/// from every row (``BreakdownReading/rows``), and the two must count the same events.
struct BreakdownBenchmark {
    var events = 1_000_000
    var full = 10_000_000
    var runs = 5

    init(arguments: [String]) throws {
        var index = 0
        while index < arguments.count {
            let value = index + 1 < arguments.count ? Int(arguments[index + 1]) : nil
            switch arguments[index] {
            case "--events": events = try Self.positive(value, "--events")
            case "--full": full = try Self.positive(value, "--full")
            case "--runs": runs = try Self.positive(value, "--runs")
            default: throw BenchSupport.Failure(description: "unknown option \(arguments[index]) (--events N --full N --runs N)")
            }
            index += 2
        }
    }

    static func positive(_ value: Int?, _ option: String) throws -> Int {
        guard let value, value > 0 else { throw BenchSupport.Failure(description: "\(option) needs a positive number") }
        return value
    }

    static let hour: Int64 = 3_600_000_000_000
    static let start = Timestamp(seconds: 1_795_000_000)

    func run() throws {
        let hourStore = try Self.store(events: events, hours: 1, spans: true)
        let windowEnd = Timestamp(nanoseconds: Self.start.nanoseconds + Self.hour)
        let hourWindow = Self.start..<windowEnd
        print("== breakdown: \(events) events in one hour (\(runs) runs each, median / slowest; goal ≤ 300 ms for 1M; load average \(IngestBenchmark.loadAverage())) ==")
        for (label, filter, dimensions) in Self.cases {
            try timeBoth(label, filter, dimensions, hourStore, hourWindow, goal: 0.3, runs: runs)
        }
        let half = Timestamp(nanoseconds: Self.start.nanoseconds + Self.hour / 2)
        for dimensions in [[BreakdownDimension.service], [.template]] {
            var first = ""
            let (times, _) = try measure {
                let comparison = try hourStore.comparison(.everything, by: dimensions, in: half..<windowEnd)
                first = comparison.rows.first.map { $0.key.labels.joined(separator: " ") + " " + ($0.rateRatio.map { String(format: "×%.1f", $0) } ?? "new") } ?? "-"
            }
            let label = "compare by \(dimensions[0].name), last 30 m vs first 30 m"
            print("  \(label.padding(toLength: 44, withPad: " ", startingAt: 0)) \(times) · top: \(first)")
        }
        var services = 0
        let (traceTimes, _) = try measure { services = try hourStore.traceBreakdown(in: half..<windowEnd).rows.count }
        print("  \("trace breakdown, last 30 m vs first 30 m".padding(toLength: 44, withPad: " ", startingAt: 0)) \(traceTimes) · \(try hourStore.spanCount()) spans stored, \(services) services")

        let fullHours = Int((Int64(full) + 999_999) / 1_000_000)
        let fullStore = try Self.store(events: full, hours: fullHours, spans: false)
        let fullWindow = Self.start..<Timestamp(nanoseconds: Self.start.nanoseconds + Int64(fullHours) * Self.hour)
        print("== breakdown: the whole store of \(full) events (\(fullHours) h; goal ≤ 3 s for 10M; load average \(IngestBenchmark.loadAverage())) ==")
        for (label, filter, dimensions) in Self.cases.prefix(4) + Self.cases.filter({ Self.fullStoreCases.contains($0.0) }) {
            try timeBoth(label, filter, dimensions, fullStore, fullWindow, goal: 3, runs: min(runs, 3))
        }
    }

    /// Times one breakdown as the store reads it and from every row, prints both, and fails when
    /// they disagree.
    private func timeBoth(
        _ label: String, _ filter: String, _ dimensions: [BreakdownDimension], _ store: InquestStore,
        _ window: Range<Timestamp>, goal: Double, runs: Int
    ) throws {
        let sql = FilterSQLCompiler.compile(try Filter.parse(filter), now: .now())
        var fast: Breakdown?
        let (times, median) = try measure(runs: runs) { fast = try store.breakdown(sql, by: dimensions, in: window) }
        var rows: Breakdown?
        let (rowTimes, _) = try measure(runs: min(runs, 3)) { rows = try store.breakdown(sql, by: dimensions, in: window, reading: .rows) }
        guard let fast, let rows, fast == rows else {
            throw BenchSupport.Failure(description: "\(label): the per-minute counts and the rows disagree")
        }
        let verdict = median <= goal ? "meets" : "misses"
        print("  \(label.padding(toLength: 34, withPad: " ", startingAt: 0)) \(times) (\(verdict) goal) · rows alone \(rowTimes) · \(fast.groupCount) groups, \(fast.total.events) events")
    }

    static let cases: [(String, String, [BreakdownDimension])] = [
        ("by service", "", [.service]),
        ("by template", "", [.template]),
        ("by service × template", "", [.service, .template]),
        ("severity>=error by service", "severity>=error", [.service]),
        ("by severity", "", [.severity]),
        ("by host", "", [.host]),
        ("by attr:status", "", [.attribute("status")]),
        ("severity>=error by attr:status", "severity>=error", [.attribute("status")]),
        ("by service × attr:status", "", [.service, .attribute("status")]),
        ("by attr:user (past the cap)", "", [.attribute("user")]),
        ("by file", "", [.sourceName]),
        ("service:service-7 by template", "service:service-7", [.template]),
    ]

    /// Besides the first four, the cases timed on the whole store too.
    static let fullStoreCases: Set<String> = ["by attr:status", "by attr:user (past the cap)", "by file"]

    /// "median / slowest" wall time in ms and the median CPU time of the process (which a
    /// loaded host inflates far less), and the median wall time in seconds.
    private func measure(runs: Int? = nil, _ body: () throws -> Void) throws -> (String, Double) {
        var seconds: [Double] = []
        var cpu: [Double] = []
        for _ in 0..<(runs ?? self.runs) {
            let start = ContinuousClock.now
            let cpuStart = Self.processCPUSeconds()
            try body()
            seconds.append(BenchSupport.seconds(since: start))
            cpu.append(Self.processCPUSeconds() - cpuStart)
        }
        let sorted = seconds.sorted()
        let median = sorted[sorted.count / 2]
        let cpuMedian = cpu.sorted()[cpu.count / 2]
        let text = "\(BenchSupport.format(median * 1000, 0)) ms / \(BenchSupport.format((sorted.last ?? 0) * 1000, 0)) ms"
            + " (CPU \(BenchSupport.format(cpuMedian * 1000, 0)) ms)"
        return (text, median)
    }

    /// CPU time of this process, all threads.
    private static func processCPUSeconds() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    /// The cached store of `events` synthetic events over `hours`, built when missing.
    static func store(events: Int, hours: Int, spans: Bool) throws -> InquestStore {
        // "-values": the data where templates and hosts belong to services (older files held
        // independent draws), with a `user` attribute, stored with attribute counts (v22) and
        // per-value counts past the cap (v23; an older store keeps its `user` buckets marked).
        let path = BenchSupport.dataDirectory.appendingPathComponent("breakdown-\(events)-\(hours)h-values.db").path
        if FileManager.default.fileExists(atPath: path) { return try InquestStore.open(path: path) }
        try FileManager.default.createDirectory(at: BenchSupport.dataDirectory, withIntermediateDirectories: true)
        let building = path + ".building"
        for suffix in ["", "-wal", "-shm", "-fts"] { try? FileManager.default.removeItem(atPath: building + suffix) }
        print("building \(path) (\(events) events over \(hours) h) ...")
        let started = ContinuousClock.now
        // The store is closed (its WAL checkpointed and removed) before the file is renamed.
        try fill(InquestStore.open(path: building), events: events, hours: hours, spans: spans)
        print("built in \(BenchSupport.format(BenchSupport.seconds(since: started), 1)) s")
        for suffix in ["-shm", "-fts"] { try? FileManager.default.removeItem(atPath: building + suffix) }
        try FileManager.default.moveItem(atPath: building, toPath: path)
        if FileManager.default.fileExists(atPath: building + "-wal") { try FileManager.default.moveItem(atPath: building + "-wal", toPath: path + "-wal") }
        return try InquestStore.open(path: path)
    }

    private static func fill(_ store: InquestStore, events: Int, hours: Int, spans: Bool) throws {
        let batchSize = 20_000
        var next = 0
        let step = Int64(hours) * hour / Int64(events)
        var generator = SyntheticEvents()
        while next < events {
            let count = min(batchSize, events - next)
            var list: [Event] = []
            var templateIDs: [Int64] = []
            var spanList: [TraceSpan] = []
            list.reserveCapacity(count)
            for n in next..<(next + count) {
                let time = Timestamp(nanoseconds: start.nanoseconds + Int64(n) * step)
                let (event, template) = generator.event(n, at: time, faultFrom: start.nanoseconds + 40 * 60_000_000_000)
                list.append(event)
                templateIDs.append(template)
                if spans, n % 10 == 0 { spanList.append(generator.span(n, at: time, faultFrom: start.nanoseconds + 40 * 60_000_000_000)) }
            }
            var encoded = EncodedEvents(list)
            encoded.assignTemplates(templateIDs)
            var batch = EventBatch(events: encoded, spans: spanList)
            if next == 0 { batch.templates = SyntheticEvents.templates }
            try store.append(batch)
            next += count
        }
        try store.checkpointWAL()
    }
}

/// Deterministic synthetic events for the breakdown benchmark.
struct SyntheticEvents {
    static let services = (0..<20).map { "service-\($0)" }
    static let templates: [LogTemplate] = (1...300).map { id in
        LogTemplate(id: Int64(id), tokens: ["operation", "\(id)", "took", "<*>", "ms", "for", "<*>"], count: 0,
                    mergedInto: (271...280).contains(id) ? Int64(id - 270) : nil)
    }
    private var state: UInt64 = 0x9E37_79B9_7F4A_7C15

    mutating func random(_ bound: Int) -> Int {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return Int(state % UInt64(bound))
    }

    /// The service that logs `template` (the fault's templates are service-7's).
    static func service(of template: Int64) -> Int { template >= 295 ? 7 : Int(template - 1) % services.count }

    /// The level of `template`: 5% of the templates are errors, 10% warnings, 10% debug.
    static func severity(of template: Int64) -> Severity {
        let roll = template >= 295 ? 0 : Int(template * 37 % 100)
        return roll < 5 ? .error : roll < 15 ? .warning : roll < 25 ? .debug : .info
    }

    mutating func event(_ n: Int, at time: Timestamp, faultFrom: Int64) -> (Event, Int64) {
        let faulty = time.nanoseconds >= faultFrom && random(4) == 0
        let template: Int64 = faulty ? Int64(295 + random(3)) : Int64(1 + random(290))
        let serviceIndex = Self.service(of: template)
        let service = Self.services[serviceIndex]
        let severity = Self.severity(of: template)
        let status = severity >= .error ? 500 + random(5) : 200
        let user = random(5000)
        let message = "operation \(template) took \(random(900)) ms for user-\(user)"
        let raw = Array(message.utf8)
        let event = Event(
            timestamp: time, timestampText: "", sourceKind: .log, sourceName: "bench-\(n % 4).log", severity: severity,
            service: service, host: "host-\(serviceIndex % 5 + 5 * random(10))", message: message, attributesJSON: "{\"status\":\(status),\"user\":\"user-\(user)\"}",
            raw: raw, dedupeKey: DedupeKey(source: "bench", raw: raw, offset: Int64(n)))
        return (event, template)
    }

    mutating func span(_ n: Int, at time: Timestamp, faultFrom: Int64) -> TraceSpan {
        let service = Self.services[random(20)]
        let slow = time.nanoseconds >= faultFrom && service == "service-7"
        let duration = Int64(1 + random(slow ? 2_000 : 200)) * 1_000_000
        return TraceSpan(traceID: String(n, radix: 16), spanID: "1", service: service, operation: "op-\(random(10))",
                         start: time, duration: duration, status: random(100) < (slow ? 20 : 1) ? .error : .ok)
    }
}
