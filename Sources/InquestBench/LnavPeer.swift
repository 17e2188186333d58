import Foundation

/// lnav, the peer the ingest benchmark is set beside, run with the benchmark's own log format
/// so that it parses every record instead of only finding lines.
///
/// The format directory (lnav's `-I`, holding `formats/*/*.json`) comes from `--lnav-format DIR`,
/// else `../shared/bench/lnav` beside the repository. Without lnav or without that directory the
/// benchmark says so and runs without the peer.
struct LnavPeer {
    /// The lnav executable.
    var executable: String
    /// The directory passed with `-I`.
    var formatDirectory: String

    /// Where lnav is looked for.
    static let candidates = ["/usr/bin/lnav", "/usr/local/bin/lnav"]

    /// lnav with its format directory, or the reason the comparison cannot run.
    static func locate(formatDirectory explicit: String?) -> Result<LnavPeer, BenchSupport.Failure> {
        guard let executable = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            return .failure(.init(description: "lnav not installed (apt-get install lnav) — no peer comparison"))
        }
        let directory = explicit
            ?? BenchSupport.repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/bench/lnav").path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            return .failure(.init(description: "lnav format directory \(directory) not found (pass --lnav-format DIR, the directory holding formats/*/*.json) — lnav skipped: without the format it parses no records"))
        }
        return .success(LnavPeer(executable: executable, formatDirectory: directory))
    }

    /// One lnav run over one file.
    struct Run {
        /// Seconds from start to exit: open, index every line, run the count.
        var seconds: Double
        /// User + system CPU seconds lnav used (what a loaded host cannot inflate the way it
        /// inflates wall time).
        var cpuSeconds: Double
        /// Records lnav parsed, by the format that parsed them (`app_jsonl_log`, `syslog_log`, ...).
        var recordsByFormat: [String: Int]

        /// Records lnav parsed in all.
        var records: Int { recordsByFormat.values.reduce(0, +) }

        /// `500000 app_jsonl_log` (several formats joined with `+`).
        var recordsText: String {
            recordsByFormat.isEmpty ? "0 records"
                : recordsByFormat.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: " + ")
        }
    }

    /// The query lnav runs: every parsed record, counted by the format that parsed it.
    static let countQuery = ";SELECT log_format, count(*) FROM all_logs GROUP BY log_format"

    /// The command line, for printing.
    func commandLine(file: URL) -> String {
        "lnav -I \(formatDirectory) -n -c '\(Self.countQuery)' \(file.lastPathComponent)"
    }

    /// Opens and indexes `file` headless (`-n`) and counts its parsed records.
    func run(file: URL) throws -> Run {
        let before = Self.childrenCPUSeconds()
        let result = try BenchSupport.run(executable, ["-I", formatDirectory, "-n", "-c", Self.countQuery, file.path])
        guard result.status == 0 else {
            throw BenchSupport.Failure(description: "lnav exited with status \(result.status) on \(file.path): \(result.output)")
        }
        return Run(seconds: result.seconds, cpuSeconds: Self.childrenCPUSeconds() - before, recordsByFormat: Self.counts(result.output))
    }

    /// User + system CPU of this process's waited-for children so far (`RUSAGE_CHILDREN`).
    static func childrenCPUSeconds() -> Double {
        var usage = rusage()
        guard getrusage(RUSAGE_CHILDREN.rawValue, &usage) == 0 else { return 0 }
        let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
        let system = Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
        return user + system
    }

    /// Reads lnav's result table: a header line, then `format count` lines.
    static func counts(_ output: String) -> [String: Int] {
        var counts: [String: Int] = [:]
        for line in output.split(whereSeparator: \.isNewline) {
            let fields = line.split(whereSeparator: \.isWhitespace)
            guard fields.count == 2, let count = Int(fields[1]) else { continue }
            counts[String(fields[0]), default: 0] += count
        }
        return counts
    }
}
