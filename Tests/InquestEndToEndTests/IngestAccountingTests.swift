import Foundation
import Testing

extension EndToEnd {
    /// The ingest summary accounts for every line, and one bad record cannot break filters store-wide.
    @Suite struct IngestAccountingTests: CLIFixture {
        let workspace: CLIWorkspace

        init() throws {
            workspace = try CLIWorkspace()
        }

        @Test func summaryCountsBlankLines() throws {
            let file = try write("gaps.log", "level=info msg=a\n\n   \nlevel=info msg=b\n\n")
            let result = try BinaryRunner.run(["ingest", "--db", database, file])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("5 lines, 2 events stored, 0 duplicates skipped, 0 dead-lettered, 3 blank"), "\(result.stdout)")
        }

        @Test func aRecordNestedTooDeepIsADeadLetterAndAttributeFiltersKeepWorking() throws {
            let deep = String(repeating: "[", count: 2_500) + String(repeating: "]", count: 2_500)
            let file = try write("deep.jsonl", """
                {"ts":"2026-11-20T10:00:00Z","msg":"slow","latency_ms":250}
                {"ts":"2026-11-20T10:00:01Z","msg":"deep","a":\(deep)}

                """)
            let ingest = try BinaryRunner.run(["ingest", "--db", database, file])
            #expect(ingest.status == 0, "\(ingest.stderr)")
            #expect(ingest.stdout.contains("1 events stored") && ingest.stdout.contains("1 dead-lettered"), "\(ingest.stdout)")
            let query = try BinaryRunner.run(["query", "--db", database, "--count", "latency_ms>1"])
            #expect(query.status == 0, "\(query.stderr)")
            #expect(query.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "1")
        }
    }
}
