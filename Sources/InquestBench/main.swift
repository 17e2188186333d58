import Foundation

// inquest-bench: release-build benchmarks that print their figures.
//   swift run -c release inquest-bench ingest [--events 1000000] [--small 100000]
// See README "Benchmarks".
let arguments = Array(CommandLine.arguments.dropFirst())
do {
    switch arguments.first {
    case "ingest", nil:
        try IngestBenchmark(arguments: Array(arguments.dropFirst())).run()
    case "ingest-child":
        try IngestBenchmark.child(arguments: Array(arguments.dropFirst()))
    default:
        FileHandle.standardError.write(Data("usage: inquest-bench [ingest [--events N] [--small N]]\n".utf8))
        exit(2)
    }
} catch {
    FileHandle.standardError.write(Data("inquest-bench: \(error)\n".utf8))
    exit(1)
}
