import InquestCore
import Testing

@testable import InquestParsers

extension MetricsTests {
    @Suite("Anomaly score table")
    struct AnomalyScoreTableTests {
        @Test func printsOneLinePerInputRowInOrderWithTheTimeAsWritten() {
            var lines = ["timestamp,value"]
            for minute in 0..<300 {
                let value = minute == 250 ? "500" : String(10 + minute % 3)
                lines.append("2014-04-10 \(String(minute / 60).leftPadded(2)):\(String(minute % 60).leftPadded(2)):00,\(value)")
            }
            lines.insert("garbage,1", at: 100)
            lines.insert("", at: 50)
            let (csv, errors) = AnomalyScoreTable.render(lines.joined(separator: "\n"), defaultSeries: "s")
            let output = csv.split(separator: "\n", omittingEmptySubsequences: false).dropLast()

            #expect(output.first == "timestamp,anomaly_score")
            #expect(output.count == 1 + 301)
            #expect(output[1] == "2014-04-10 00:00:00,0")
            #expect(output[100] == "garbage,0")
            #expect(output[252].hasPrefix("2014-04-10 04:10:00,"))
            #expect((output[252].split(separator: ",").last.flatMap { Double($0) } ?? 0) > 0.9)
            #expect(errors == [.invalidTimestamp(line: 102, column: 1, text: "garbage")])
            #expect(output.dropFirst().allSatisfy { line in
                line.split(separator: ",").last.flatMap { Double($0) }.map { (0...1).contains($0) } == true
            })
        }

        @Test func formatsScoresWithUpToSixDecimals() {
            #expect(AnomalyScoreTable.format(0) == "0")
            #expect(AnomalyScoreTable.format(1) == "1")
            #expect(AnomalyScoreTable.format(0.5) == "0.5")
            #expect(AnomalyScoreTable.format(0.1234567) == "0.123457")
            #expect(AnomalyScoreTable.format(0.0000004) == "0")
            #expect(AnomalyScoreTable.format(0.9999999) == "1")
        }

        @Test func quotesTimesThatHoldCommas() {
            let (csv, _) = AnomalyScoreTable.render("time,value\n\"10 Apr 2014, 00:04\",1\n", defaultSeries: "s")

            #expect(csv == "timestamp,anomaly_score\n\"10 Apr 2014, 00:04\",0\n")
        }

        @Test func aWideRowGetsTheHighestScoreOfItsSeries() {
            var text = "time,a,b\n"
            for index in 0..<400 {
                let b = index == 399 ? 1000.0 : 5.0 + Double(index % 2)
                text += "\(1_400_000_000 + index * 60),\(10 + index % 2),\(b)\n"
            }
            let (csv, errors) = AnomalyScoreTable.render(text, defaultSeries: "s")

            #expect(errors.isEmpty)
            #expect(csv.split(separator: "\n").last.map { $0.hasSuffix(",1") || $0.contains(",0.99") } == true)
        }
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
