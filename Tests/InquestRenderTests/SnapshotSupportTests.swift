import Foundation
import InquestRender
import Testing

/// Golden files of rendered screens: the text grid, then the grid of style roles and its
/// legend. A missing or different golden fails; `INQUEST_RECORD=1 swift test` rewrites them
/// (never set it in CI).
enum Snapshot {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("__Snapshots__")
    static let recording = ProcessInfo.processInfo.environment["INQUEST_RECORD"] == "1"

    /// The golden text of a buffer.
    static func text(of buffer: CellBuffer) -> String {
        var legend: [StyleRole: Character] = [:]
        let roles = buffer.roleLines(legend: &legend)
        let legendLines = legend.sorted { $0.value < $1.value }.map { "\($0.value) \($0.key.name)" }
        return (buffer.textLines() + ["-- roles --"] + roles + ["-- legend --"] + legendLines).joined(separator: "\n") + "\n"
    }

    static func assertMatches(_ buffer: CellBuffer, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent(name + ".txt")
        let actual = text(of: buffer)
        if recording {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("missing golden \(name).txt — record it with INQUEST_RECORD=1 swift test and review it", sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(expectedLines.count, actualLines.count)
            let shownExpected = first < expectedLines.count ? String(expectedLines[first]) : "<end>"
            let shownActual = first < actualLines.count ? String(actualLines[first]) : "<end>"
            Issue.record("\(name).txt differs at line \(first + 1):\n  golden: \(shownExpected)\n  actual: \(shownActual)", sourceLocation: sourceLocation)
        }
    }
}

@Suite struct SnapshotSupportTests {
    @Test func goldenTextHasTextRolesAndLegend() {
        var buffer = CellBuffer(width: 3, height: 1)
        buffer.put("ab", x: 0, y: 0, role: "timeline.time")
        #expect(Snapshot.text(of: buffer) == "ab \n-- roles --\naa.\n-- legend --\n. base\na timeline.time\n")
    }
}
