import Foundation
import InquestParsers

// inquest-bench: release-build benchmarks that print their figures.
//   swift run -c release inquest-bench ingest [--events 500000] [--small 100000] [--repeat 3] [--large 10000000] [--lnav-format DIR]
//   swift run -c release inquest-bench canvas [--events 1000000] [--small 100000] [--no-tmux]
//   swift run -c release inquest-bench query DB
//   swift run -c release inquest-bench breakdown [--events 1000000] [--full 10000000] [--runs 5]
//   swift run -c release inquest-bench open [--events 1000000,10000000] [--runs 3]
//   swift run -c release inquest-bench follow [--events 500000] [--markers 200]
//   swift run -c release inquest-bench sigterm [--runs 4] [--events 1000000]
//   swift run -c release inquest-bench detect [--samples 2000000] [--series 20]
//   swift run -c release inquest-bench suspects DB FAULT_LIST.json [--runs 3]
//   swift run -c release inquest-bench team --team postgres://... [--writers 3] [--changes 1000]
// See README "Benchmarks".
let arguments = Array(CommandLine.arguments.dropFirst())
do {
    switch arguments.first {
    case "ingest", nil:
        try IngestBenchmark(arguments: Array(arguments.dropFirst())).run()
    case "ingest-child":
        try IngestBenchmark.child(arguments: Array(arguments.dropFirst()))
    case "canvas":
        try CanvasBenchmark(arguments: Array(arguments.dropFirst())).run()
    case "open":
        try OpenBenchmark(arguments: Array(arguments.dropFirst())).run()
    case "follow":
        try FollowBenchmark(arguments: Array(arguments.dropFirst())).run()
    case "sigterm":
        try ShutdownBenchmark(arguments: Array(arguments.dropFirst())).run()
    case "detect":
        try DetectBenchmark(arguments: Array(arguments.dropFirst())).run()
    case "suspects":
        try SuspectsBenchmark(arguments: Array(arguments.dropFirst())).run()
    case "team":
        try TeamBenchmark(arguments: Array(arguments.dropFirst())).run()
    case "canvas-child":
        try CanvasBenchmark.child(arguments: Array(arguments.dropFirst()))
    case "breakdown":
        try BreakdownBenchmark(arguments: Array(arguments.dropFirst())).run()
    case "query":
        // inquest-bench query DB: the filtered-query figures alone, on an existing store.
        guard arguments.count == 2 else { throw BenchSupport.Failure(description: "usage: inquest-bench query DB") }
        try QueryBenchmark(databasePath: arguments[1]).run()
    case "parse":
        // inquest-bench parse FILE [FORMAT] [--parallel]: parser throughput alone.
        guard arguments.count >= 2, let data = FileManager.default.contents(atPath: arguments[1]) else {
            throw BenchSupport.Failure(description: "usage: inquest-bench parse FILE [FORMAT] [--parallel]")
        }
        let format = arguments.count >= 3 ? LogFormat(rawValue: arguments[2]) : nil
        print(ParseBenchmark.run(bytes: Array(data), format: format, repeats: 3))
        if arguments.contains("--parallel") {
            print("2 threads: " + ParseBenchmark.runParallel(bytes: Array(data), format: format, threads: 2, repeats: 3).description)
        }
    default:
        FileHandle.standardError.write(Data("usage: inquest-bench [ingest [--events N] [--small N] [--repeat N] [--large N] [--lnav-format DIR] | open [--events N,M] [--runs N] | canvas [--events N] [--small N] [--no-tmux] | follow [--events N] [--markers M] | sigterm [--runs N] [--events N] | breakdown [--events N] [--full N] [--runs N] | detect [--samples N] [--series S] | suspects DB FAULT_LIST.json [--runs N] | team --team URL [--writers N] [--changes N] | query DB | parse FILE [FORMAT] [--parallel]]\n".utf8))
        exit(2)
    }
} catch {
    FileHandle.standardError.write(Data("inquest-bench: \(error)\n".utf8))
    exit(1)
}
