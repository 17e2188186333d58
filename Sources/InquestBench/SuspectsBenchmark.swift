import Foundation
import InquestAnalysis
import InquestCore
import InquestStore

/// Times `SuspectAnalysis` (what `inquest suspects` runs) at each incident time of a fault
/// list on an ingested store: `inquest-bench suspects DB FAULT_LIST.json [--runs N]`. The fault
/// list is any JSON holding `inject_time` strings (UTC, `YYYY-MM-DD HH:MM:SS`), as the Nezha
/// fault lists do; only the times are read, never the answers.
struct SuspectsBenchmark {
    let databasePath: String
    let faultListPath: String
    let runs: Int

    init(arguments: [String]) throws {
        guard arguments.count >= 2 else {
            throw BenchSupport.Failure(description: "usage: inquest-bench suspects DB FAULT_LIST.json [--runs N]")
        }
        databasePath = arguments[0]
        faultListPath = arguments[1]
        if let index = arguments.firstIndex(of: "--runs"), index + 1 < arguments.count, let value = Int(arguments[index + 1]) {
            runs = max(1, value)
        } else {
            runs = 3
        }
    }

    func run() throws {
        let store = try InquestStore.openForReading(path: databasePath)
        let times = try Self.incidentTimes(path: faultListPath)
        let analysis = SuspectAnalysis()
        print("== suspects at \(times.count) incident times, \(runs) runs each (\(databasePath)) ==")
        var all: [Double] = []
        for time in times {
            var calls: [Double] = []
            var top = ""
            for _ in 0..<runs {
                let start = ContinuousClock.now
                let suspects = try analysis.suspects(in: store, at: time)
                calls.append(BenchSupport.seconds(since: start) * 1000)
                top = suspects.prefix(3).map(\.service).joined(separator: ", ")
            }
            all += calls
            print("\(time.iso8601)  median \(BenchSupport.format(BenchSupport.percentile(calls, 0.5), 0)) ms  max \(BenchSupport.format(calls.max() ?? 0, 0)) ms  top: \(top)")
        }
        print("all calls: median \(BenchSupport.format(BenchSupport.percentile(all, 0.5), 0)) ms, p90 \(BenchSupport.format(BenchSupport.percentile(all, 0.9), 0)) ms, max \(BenchSupport.format(all.max() ?? 0, 0)) ms")
    }

    /// Every `inject_time` value in the JSON document, in time order.
    static func incidentTimes(path: String) throws -> [Timestamp] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw BenchSupport.Failure(description: "cannot read \(path)")
        }
        var found: [Timestamp] = []
        var pending: [Any] = [try JSONSerialization.jsonObject(with: data)]
        while let value = pending.popLast(), found.count < 100_000 {
            if let object = value as? [String: Any] {
                if let text = object["inject_time"] as? String, let filter = try? Filter.parse("after:\"\(text)\""),
                    case .term(.after(.absolute(let time))) = filter.expression
                {
                    found.append(time)
                }
                pending.append(contentsOf: object.values)
            } else if let array = value as? [Any] {
                pending.append(contentsOf: array)
            }
        }
        return found.sorted()
    }
}
