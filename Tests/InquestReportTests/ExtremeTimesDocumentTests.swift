import Foundation
import InquestCore
import InquestReport
import InquestStore
import Testing

/// Evidence at the ends of the time range (a bundle can carry it in, issue 13): the window's
/// margin and the density chart's bucket width saturate instead of trapping.
@Suite struct ExtremeTimesDocumentTests {
    @Test func evidenceAtBothEndsOfTheTimeRangeExports() throws {
        // Given an investigation without a window whose evidence is at the first and last instants
        let store = try InquestStore.inMemory(audit: AuditIdentity(actor: "ingest", clock: { ReportFixtures.time(0) }))
        let times: [Timestamp] = [.earliest, ReportFixtures.time(1), .latest]
        _ = try store.append(EventBatch(events: times.enumerated().map { ReportFixtures.event($0, at: $1, message: "at \($1)") }))
        let events = try store.window(.everything, anchor: .oldest, limit: 10)
        let id = try store.createInvestigation(Investigation(title: "ends of time", createdAt: ReportFixtures.time(0))).id ?? -1
        for event in events { try store.link(eventID: event.id ?? -1, toInvestigation: id, by: "alice", at: ReportFixtures.time(2)) }

        // When it is exported
        let document = try ReportFixtures.builder(store).build(investigationID: id)

        // Then the window covers the evidence and the chart has buckets
        #expect(document.header.window?.derived == true)
        #expect(document.timeline.map(\.time.ns) == times.map(\.nanoseconds))
        #expect(document.density.bucketWidthNs > 0)
        #expect(!document.density.buckets.isEmpty)
    }
}
