import ArgumentParser
import Foundation
import InquestCore
import InquestStore
import InquestText

/// `inquest series [PATTERN]` lists the stored metric series; `inquest series NAME --format csv|jsonl`
/// prints one series' samples.
struct SeriesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "series",
        abstract: "List the stored metric series, or print one series' samples.",
        discussion: """
            Without --format (or with --format table) PATTERN filters the list: every word must occur, \
            ignoring case, in the series name, a label's key=value, or its service. With --format csv \
            or jsonl, NAME is one series' exact name (add --labels or --service when several series \
            share it) and its samples are printed as timestamp,value (a gap has no value).
            """
    )

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case table
        case csv
        case jsonl
    }

    @OptionGroup var store: StoreOptions
    @OptionGroup var window: TimeWindowOptions

    @Option(help: "Only series of this service (their service label).")
    var service: String?

    @Option(help: "Only the series with these labels: k=v[,k=v…] (repeatable).")
    var labels: [String] = []

    @Option(help: "table (list the series), csv or jsonl (print the samples of series NAME).")
    var format: OutputFormat = .table

    @Argument(help: "Words filtering the list (table), or the series name (csv, jsonl).")
    var words: [String] = []

    /// The words as one pattern (or name).
    var pattern: String { words.joined(separator: " ") }

    func validate() throws {
        _ = try requiredLabels()
        if format != .table && pattern.isEmpty {
            throw ValidationError("--format \(format.rawValue) prints one series' samples: name it, e.g. inquest series 'CpuUsage(m)' --service ts-contacts-service --format csv")
        }
    }

    func run() throws {
        let database = try store.openForReading()
        let range = window.range(now: .now())
        do {
            switch format {
            case .table:
                try list(database, range: range)
            case .csv, .jsonl:
                try printSamples(database, range: range)
            }
        } catch let failure as CLIFailure {
            throw failure
        } catch {
            throw CLIFailure("\(error)")
        }
    }

    /// `--labels` as one dictionary.
    func requiredLabels() throws -> [String: String] {
        var result: [String: String] = [:]
        for pair in labels.flatMap({ $0.split(separator: ",") }) {
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, !parts[0].isEmpty else {
                throw ValidationError("--labels \(pair): expected key=value, e.g. --labels PodName=ts-contacts-service-866bd68c97-xcqfx")
            }
            result[String(parts[0])] = String(parts[1])
        }
        return result
    }

    /// Whether a series has the `--service` and `--labels` asked for.
    private func selected(_ series: MetricSeriesInfo, labels required: [String: String]) -> Bool {
        if let service, series.service != service { return false }
        return required.allSatisfy { series.labels[$0.key] == $0.value }
    }

    private func list(_ database: InquestStore, range: Range<Timestamp>?) throws {
        let required = try requiredLabels()
        let rows = try database.seriesList(range: range).filter { $0.matches(pattern) && selected($0, labels: required) }
        guard !rows.isEmpty else {
            var what = pattern.isEmpty ? "no metric series" : "no metric series matches \"\(TextSanitizer.singleLine(pattern))\""
            if let service { what += " of service \(TextSanitizer.singleLine(service))" }
            if !required.isEmpty { what += " with labels " + required.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",") }
            if range != nil { what += " in that time window" }
            throw CLIFailure(what + " — inquest series lists every stored series")
        }
        print(SeriesTable.render(rows))
    }

    private func printSamples(_ database: InquestStore, range: Range<Timestamp>?) throws {
        let required = try requiredLabels()
        let named = try database.seriesList(name: pattern)
        let name = TextSanitizer.singleLine(pattern)
        guard !named.isEmpty else {
            let similar = try database.seriesList().filter { $0.matches(pattern) }.map(\.name)
            let hint = similar.isEmpty ? "inquest series lists them" : "did you mean " + Set(similar).sorted().prefix(3).joined(separator: ", ") + "?"
            throw CLIFailure("no series is named \"\(name)\" — \(hint)")
        }
        let chosen = named.filter { selected($0, labels: required) }
        guard chosen.count == 1, let series = chosen.first else {
            let candidates = (chosen.isEmpty ? named : chosen).prefix(8).map { "  " + describe($0, among: named) }.joined(separator: "\n")
            let problem = chosen.isEmpty
                ? "no series named \"\(name)\" has the service and labels asked for; its series:"
                : "\(chosen.count) series are named \"\(name)\"; pick one with --service or --labels k=v:"
            let more = (chosen.isEmpty ? named : chosen).count - 8
            throw CLIFailure(problem + "\n" + candidates + (more > 0 ? "\n  … and \(more) more (inquest series \"\(name)\" lists them)" : ""))
        }
        let samples = try database.samples(series: series.id, range: range ?? (Timestamp.earliest..<Timestamp.latest))
        if samples.isEmpty {
            // Nothing on stdout, so a script sees an empty series; the reason on stderr for a person.
            let extent = [series.first, series.last].compactMap { $0?.iso8601 }.joined(separator: " … ")
            StandardStreams.err("inquest: no samples of \(name) in that time window (it has \(series.sampleCount): \(extent))\n")
        }
        let output = BufferedOutput()
        if format == .csv { output.write("timestamp,value") }
        for sample in samples {
            let value = sample.value.isNaN ? nil : SeriesTable.number(sample.value)
            switch format {
            case .csv: output.write(sample.timestamp.iso8601 + "," + (value ?? ""))
            default:
                // JSON has no infinity: those values go as Prometheus' strings.
                let json = value.map { sample.value.isFinite ? $0 : "\"" + $0 + "\"" } ?? "null"
                output.write("{\"timestamp\":\"\(sample.timestamp.iso8601)\",\"value\":\(json)}")
            }
        }
        output.flush()
    }

    /// How to pick `series` out of `named`: its service when that alone tells it apart, else all its labels.
    private func describe(_ series: MetricSeriesInfo, among named: [MetricSeriesInfo]) -> String {
        if let service = series.service, named.filter({ $0.service == service }).count == 1 {
            return TextSanitizer.singleLine(series.name + " --service " + service)
        }
        let labels = series.labels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
        return TextSanitizer.singleLine(series.name + (labels.isEmpty ? "" : " --labels " + labels))
    }
}
