import Foundation
import InquestParsers

// Temporary driver on the parsers branch: `inquest-bench parse FILE [FORMAT] [--dump N]`.
let arguments = CommandLine.arguments
if arguments.count >= 3, arguments[1] == "parse" {
    let path = arguments[2]
    guard let data = FileManager.default.contents(atPath: path) else {
        print("cannot read \(path)")
        exit(1)
    }
    let bytes = Array(data)
    let format = arguments.count >= 4 ? LogFormat(rawValue: arguments[3]) : nil
    if let dumpIndex = arguments.firstIndex(of: "--dump"), dumpIndex + 1 < arguments.count, let count = Int(arguments[dumpIndex + 1]) {
        print(ParseBenchmark.dump(bytes: bytes, format: format, count: count))
    } else {
        let repeats = arguments.firstIndex(of: "--repeats").flatMap { $0 + 1 < arguments.count ? Int(arguments[$0 + 1]) : nil } ?? 3
        print(ParseBenchmark.run(bytes: bytes, format: format, repeats: repeats))
        if arguments.contains("--floor") {
            print(String(format: "event floor (no parsing): %.0f lines/CPU-s", ParseBenchmark.eventFloor(bytes: bytes)))
        }
        if arguments.contains("--parallel") {
            print("2 threads: " + ParseBenchmark.runParallel(bytes: bytes, format: format, threads: 2, repeats: repeats).description)
        }
    }
} else {
    print("bench")
}
