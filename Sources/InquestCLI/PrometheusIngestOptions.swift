import ArgumentParser
import Foundation
import InquestTeam
import InquestCore
import InquestIngest
import InquestNet
import InquestStore

/// `inquest ingest --prometheus URL --query EXPR [--since 1h] [--step 15s]`: a one-off pull of
/// one PromQL expression over the Prometheus HTTP API into the store.
struct PrometheusIngestOptions: ParsableArguments {
    @Option(name: .customLong("prometheus"), help: ArgumentHelp("Pull a PromQL expression from this Prometheus server's query_range API (e.g. http://127.0.0.1:9090).", valueName: "url"))
    var url: String?

    @Option(help: ArgumentHelp("The PromQL expression to pull (with --prometheus).", valueName: "expr"))
    var query: String?

    @Option(help: ArgumentHelp("How far back to start when this expression was never pulled before (default 1h).", valueName: "duration"))
    var since: String = "1h"

    @Option(help: ArgumentHelp("Seconds between points (default 15s).", valueName: "duration"))
    var step: String = "15s"

    func validate() throws {
        guard let url else {
            if query != nil { throw ValidationError("--query needs --prometheus URL") }
            return
        }
        guard let parsed = URL(string: url), parsed.scheme == "http" || parsed.scheme == "https", parsed.host != nil else {
            throw ValidationError("--prometheus \(url.debugDescription) is not an http(s) URL; e.g. http://127.0.0.1:9090")
        }
        guard let query, !query.isEmpty else { throw ValidationError("--prometheus needs --query EXPR") }
        do {
            _ = try DurationText.seconds(since, name: "--since")
            _ = try DurationText.seconds(step, name: "--step")
        } catch {
            throw ValidationError("\(error)")
        }
    }

    /// Pulls from the checkpoint (or `--since` ago) to now; anomaly episodes still open at the end become events.
    func ingest(into store: InquestStore) throws -> IngestSummary.FileResult {
        guard let url, let base = URL(string: url), let query else { throw CLIFailure("--prometheus needs a URL and --query") }
        let lookback = try DurationText.seconds(since, name: "--since")
        let stepSeconds = try DurationText.seconds(step, name: "--step")
        let fetched = try BlockingAsync.run {
            var connector = PrometheusQueryRangeConnector(baseURL: base, query: query, stepSeconds: stepSeconds, lookbackSeconds: lookback)
            return try await connector.fetch(until: .now(), store: store, closeEpisodes: true)
        }
        var result = IngestSummary.FileResult(
            path: "\(url) \(query)", format: "prometheus-query", bytes: 0, physicalLines: fetched.samplesRead,
            stored: fetched.eventsStored, duplicates: 0, deadLettered: fetched.deadLetters, failureReasons: [])
        result.samplesStored = fetched.samplesStored
        return result
    }
}
