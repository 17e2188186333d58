import InquestCore
import Testing
@testable import InquestParsers

@Suite("Every physical line is accounted for: a record, a failure, blank, or joined to a record")
struct LineAccountingTests {
    @Test(arguments: [LogFormat.json, .logfmt, .plain, .log4j])
    func blankLinesAreCounted(format: LogFormat) {
        let record: String = switch format {
        case .json: "{\"ts\":\"2026-11-20T10:00:00Z\",\"msg\":\"m\"}"
        case .log4j: "2026-11-20 10:00:00,000 INFO [main] App - m"
        default: "time=2026-11-20T10:00:00Z msg=m"
        }
        let output = ParseHarness.parse("\n\(record)\n   \n\r\n\(record)\n\n", format)
        #expect(output.physicalLines == 6)
        #expect(output.blankLines == 4)
        #expect(output.events.count + output.failures.count == 2)
        #expect(output.continuationLines == 0)
    }

    @Test func linesJoinedToARecordAreCounted() {
        let text = """
            {"ts":"2026-11-20T10:00:00Z",
              "msg":"multi"}
            2026-11-20T10:00:01Z plain

            """
        let json = ParseHarness.parse(text, .json)
        #expect(json.physicalLines == 3)
        #expect(json.continuationLines == 1)
        #expect(json.events.count + json.failures.count + json.blankLines + json.continuationLines == 3)

        let log4j = ParseHarness.parse("2026-11-20 10:00:00,000 ERROR [main] App - boom\n\tat a.b(C.java:1)\n\tat d.e(F.java:2)\n", .log4j)
        #expect(log4j.events.count == 1)
        #expect(log4j.continuationLines == 2)
    }
}
