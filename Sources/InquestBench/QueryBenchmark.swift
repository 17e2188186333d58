import Foundation
import InquestCore
import InquestStore

/// First page and full count of filtered queries on an ingested store.
struct QueryBenchmark {
    let databasePath: String

    static let filters = [
        "severity>=error",
        "service:checkout severity>=error",
        "timeout",
        "\"payment gateway timeout\" -service:search",
        "service:payment status:504 since:1000000h",
        // Issue 17 item 5: a bare word is a prefix (`e`: one letter, the widest prefix), `*x`
        // text inside words (`*no-such-text` reads every message), `/x/` a regex.
        "\"timeout\"",
        "timeo",
        "*imeou",
        "*no-such-text",
        "e",
        "/time(out|d out)/",
        "/[0-9]{4}ms/",
        "/(a*)*b/",
    ]

    func run() throws {
        let store = try InquestStore.open(path: databasePath)
        print("== filtered queries on \(try store.count(.everything)) events (first page = 100 rows; 30 runs each) ==")
        for text in Self.filters {
            let filter = try Filter.parse(text)
            let sql = FilterSQLCompiler.compile(filter, now: .now())
            var firstPage: [Double] = []
            var rows = 0
            for _ in 0..<30 {
                let start = ContinuousClock.now
                rows = try store.window(sql, anchor: .oldest, limit: 100).count
                firstPage.append(BenchSupport.seconds(since: start) * 1000)
            }
            var lastPage: [Double] = []
            for _ in 0..<10 {
                let start = ContinuousClock.now
                _ = try store.window(sql, anchor: .newest, limit: 100)
                lastPage.append(BenchSupport.seconds(since: start) * 1000)
            }
            let countStart = ContinuousClock.now
            let count = try store.count(sql)
            let countMs = BenchSupport.seconds(since: countStart) * 1000
            print("\(text.padding(toLength: 44, withPad: " ", startingAt: 0)) first page \(rows) rows p50 \(BenchSupport.format(BenchSupport.percentile(firstPage, 0.5))) ms p99 \(BenchSupport.format(BenchSupport.percentile(firstPage, 0.99))) ms | last page p50 \(BenchSupport.format(BenchSupport.percentile(lastPage, 0.5))) ms | count \(count) in \(BenchSupport.format(countMs, 1)) ms")
        }
    }
}
