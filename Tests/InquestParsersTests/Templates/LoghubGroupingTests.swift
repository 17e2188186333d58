import Foundation
import InquestTestSupport
import Testing
@testable import InquestParsers

/// Loghub's grouping accuracy of the miner on the 2k-line samples: each system's `Content`
/// column mined in order, judged against its `EventId` column.
@Suite(.enabled(if: SharedCorpus.isAvailable, SharedCorpus.skipReason))
struct LoghubGroupingTests {
    static let systems = ["Apache", "BGL", "HDFS", "Hadoop", "Linux", "OpenSSH", "Spark", "Zookeeper"]

    @Test func meanGroupingAccuracyIsAtLeastNinetyPercentAndNoSystemBelowSeventyFive() throws {
        var scores: [String: Double] = [:]
        for system in Self.systems {
            let data = try SharedCorpus.requireData("loghub/\(system)/\(system)_2k.log_structured.csv")
            let rows = StructuredCSV.rows(String(decoding: data, as: UTF8.self))
            let header = try #require(rows.first)
            let content = try #require(header.firstIndex(of: "Content"))
            let eventID = try #require(header.firstIndex(of: "EventId"))
            let records = rows.dropFirst().filter { $0.count > max(content, eventID) }
            #expect(records.count == 2000, "\(system): \(records.count) records")
            var miner = TemplateMiner()
            let mined = records.map { miner.mine($0[content]) }.map { miner.canonicalID(of: $0) }
            scores[system] = GroupingAccuracy.of(predicted: mined, truth: records.map { $0[eventID] })
        }
        let mean = scores.values.reduce(0, +) / Double(scores.count)
        let table = Self.systems.map { "\($0) \(String(format: "%.3f", scores[$0] ?? 0))" }.joined(separator: ", ")
        print("loghub grouping accuracy: \(table); mean \(String(format: "%.3f", mean))")
        #expect(mean >= 0.90, "\(table)")
        for system in Self.systems {
            #expect((scores[system] ?? 0) >= 0.75, "\(system): \(table)")
        }
    }

    @Test func groupingAccuracyCountsOnlyExactlyMatchingGroups() {
        #expect(GroupingAccuracy.of(predicted: [1, 1, 2, 3], truth: ["a", "a", "b", "b"]) == 0.5)
        #expect(GroupingAccuracy.of(predicted: [1, 1, 1, 2], truth: ["a", "a", "b", "c"]) == 0.25)
        #expect(GroupingAccuracy.of(predicted: [7, 7, 9], truth: ["x", "x", "y"]) == 1)
    }
}

/// Loghub's grouping accuracy: an item is right when the items sharing its predicted group are
/// exactly the items sharing its true group.
enum GroupingAccuracy {
    static func of<P: Hashable, T: Hashable>(predicted: [P], truth: [T]) -> Double {
        guard !truth.isEmpty, predicted.count == truth.count else { return 0 }
        var byTruth: [T: Set<Int>] = [:]
        var byPredicted: [P: Set<Int>] = [:]
        for index in truth.indices {
            byTruth[truth[index], default: []].insert(index)
            byPredicted[predicted[index], default: []].insert(index)
        }
        var right = 0
        for members in byTruth.values {
            guard let first = members.first, byPredicted[predicted[first]] == members else { continue }
            right += members.count
        }
        return Double(right) / Double(truth.count)
    }
}

/// A minimal RFC 4180 reader for loghub's structured CSV files (quoted fields, doubled quotes).
enum StructuredCSV {
    static func rows(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var characters = text.makeIterator()
        var pending: Character? = nil
        while let character = pending ?? characters.next() {
            pending = nil
            if quoted {
                if character == "\"" {
                    if let next = characters.next() {
                        if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"": quoted = true
            case ",": row.append(field); field = ""
            case "\n", "\r\n", "\r":
                row.append(field); field = ""
                rows.append(row); row = []
            default: field.append(character)
            }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }
}
