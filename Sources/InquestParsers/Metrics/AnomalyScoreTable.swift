import InquestCore

/// Renders the `timestamp,anomaly_score` table of `inquest detect`: one line per data row of a CSV
/// time series, in input order, so external anomaly benchmarks can score the detector.
///
/// - The timestamp is the row's time cell exactly as written (CSV-quoted only if it holds a comma
///   or a quote).
/// - The score is the causal ``AnomalyDetector`` score of the row, formatted with up to six
///   decimals (`0`, `0.25`, `0.999123`). A row with several value columns gets the highest score
///   of its series (each series has its own detector).
/// - A row that cannot be read (bad time, too few fields) is still printed, with score `0`, so the
///   output has exactly one line per input row; its error is returned for the caller to report.
///   Gaps (`NaN`, empty) score 0 too. Blank lines are not rows and are skipped.
public enum AnomalyScoreTable {
    /// The table text (header included, newline-terminated) and every error met, file-level first.
    public static func render(
        _ text: String, defaultSeries: String, configuration: AnomalyDetector.Configuration = .standard
    ) -> (csv: String, errors: [ParseError]) {
        let (rows, fileErrors) = CSVSeriesParser.parseRows(text, defaultSeries: defaultSeries)
        var detectors: [MetricSeriesKey: AnomalyDetector] = [:]
        var errors = fileErrors
        var output = "timestamp,anomaly_score\n"
        output.reserveCapacity(32 * rows.count)
        for row in rows {
            errors.append(contentsOf: row.errors)
            var score = 0.0
            for sample in row.samples {
                let key = MetricSeriesKey(sample)
                let sampleScore = detectors[key, default: AnomalyDetector(configuration: configuration)]
                    .score(timestamp: sample.timestamp, value: sample.value)
                score = max(score, sampleScore)
            }
            output += quoted(row.timestampText) + "," + format(score) + "\n"
        }
        return (output, errors)
    }

    /// Up to six decimals, trailing zeros dropped: `0`, `1`, `0.5`, `0.123457`.
    static func format(_ score: Double) -> String {
        let micro = Int64((min(max(score, 0), 1) * 1_000_000).rounded())
        if micro == 1_000_000 { return "1" }
        if micro == 0 { return "0" }
        var digits = String(micro)
        digits = String(repeating: "0", count: 6 - digits.count) + digits
        while digits.hasSuffix("0") { digits.removeLast() }
        return "0." + digits
    }

    static func quoted(_ field: String) -> String {
        guard field.contains(",") || field.contains("\"") else { return field }
        var escaped = "\""
        for character in field {
            escaped.append(character)
            if character == "\"" { escaped.append("\"") }
        }
        return escaped + "\""
    }
}
