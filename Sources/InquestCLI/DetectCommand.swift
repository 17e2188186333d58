import InquestText
import ArgumentParser
import Foundation
import InquestParsers

/// `inquest detect SERIES.csv`: scores every row of a CSV time series with the anomaly detector
/// the metric connectors use, for external anomaly benchmarks.
struct DetectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "detect",
        abstract: "Print `timestamp,anomaly_score` for every row of a CSV time series.",
        discussion: """
            Reads `timestamp,value[,series]` (with or without a header) or a wide CSV whose numeric \
            columns are series, and prints the header `timestamp,anomaly_score` then one line per input \
            row, in input order: the row's time exactly as written and a score in [0,1] with up to six \
            decimals. The score is causal: it uses only that row and earlier ones. A row with several \
            series gets its highest score. Rows that cannot be read are reported on stderr as \
            FILE:LINE:COLUMN and still printed with score 0, so the output has one line per input row; \
            NaN or empty values are gaps and score 0. Blank lines are skipped. Use `-` for stdin.
            """
    )

    @Argument(help: "The CSV time-series file (`-` for standard input).")
    var file: String

    func run() throws {
        let data: Data
        if file == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let contents = FileManager.default.contents(atPath: file) else {
                throw CLIFailure("cannot read \(file): check that the file exists and is readable")
            }
            data = contents
        }
        let seriesName = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        let (csv, errors) = AnomalyScoreTable.render(String(decoding: data, as: UTF8.self), defaultSeries: seriesName)
        StandardStreams.out(csv)
        for error in errors {
            let location = "\(TextSanitizer.singleLine(file)):\(error.line ?? 0)" + (error.column.map { ":\($0)" } ?? "")
            StandardStreams.err("\(location): \(TextSanitizer.singleLine(error.reason))\n")
        }
    }
}
