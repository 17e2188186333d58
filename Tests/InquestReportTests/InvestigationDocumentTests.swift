import Foundation
import InquestCore
import InquestReport
import InquestStore
import Testing

@Suite struct InvestigationDocumentTests {
    @Test func timelineHoldsLinkedStarredAndCitedEventsInTimeOrder() throws {
        let document = try ReportFixtures.demoDocument()
        #expect(document.timeline.map(\.ref) == Array(1...document.timeline.count))
        #expect(document.timeline.filter(\.linked).count == 5)
        #expect(document.timeline.filter { $0.starred && !$0.linked }.map(\.event.sourceKind) == ["alert"])
        #expect(document.timeline.map(\.time.ns) == document.timeline.map(\.time.ns).sorted())
        #expect(document.timeline.contains { $0.anomaly && $0.event.sourceKind == "metric" })
        #expect(document.timeline.first { $0.event.sourceKind == "change" }?.tags == ["root-cause"])
    }

    @Test func citationsBecomeFootnotesNumberedByFirstCitation() throws {
        let document = try ReportFixtures.demoDocument()
        let deploy = try #require(document.timeline.first { $0.event.message.hasPrefix("deploy") })
        let firstError = try #require(document.timeline.first { $0.event.message.hasPrefix("payment call failed") && $0.linked })
        #expect(document.footnotes.first?.eventID == deploy.eventID)
        #expect(document.footnotes.first?.timelineRef == deploy.ref)
        #expect(document.footnotes.count == 5)
        // The second note is about the anomaly (footnote 3) and cites the first error again (footnote 2).
        let second = document.notes[1]
        #expect(second.aboutFootnote == 3)
        #expect(second.segments.compactMap(\.footnote) == [2])
        #expect(second.segments.first { $0.isCitation }?.eventID == firstError.eventID)
        for note in document.notes { #expect(note.segments.map(\.text).joined() == note.body) }
    }

    @Test func timesCarryUTCAndTheInjectedZone() throws {
        let document = try ReportFixtures.demoDocument()
        #expect(document.export.zone.identifier == "Europe/Berlin")
        #expect(document.header.created.at.utc == "2026-11-20T10:20:00.000Z")
        #expect(document.header.created.at.local == "2026-11-20T11:20:00.000+01:00")
        #expect(document.header.window?.derived == false)
    }

    @Test func densityCountsEveryEventWithErrorsAndAnomalies() throws {
        let document = try ReportFixtures.demoDocument()
        #expect(document.density.buckets.count == 30)
        #expect(document.density.buckets.map(\.total).reduce(0, +) == 17)  // the events from 10:10 to 10:40
        #expect(document.density.buckets.map(\.errors).reduce(0, +) == 4)
        #expect(document.density.buckets.map(\.anomalies).reduce(0, +) == 1)
        #expect(document.density.bucketWidthNs == 60_000_000_000 + 1)
    }

    @Test func appendixKeepsRawBytesExactlyAsUTF8OrBase64() throws {
        let document = try ReportFixtures.demoDocument()
        #expect(document.appendix.count == 5)
        let binary = try #require(document.appendix.first { $0.encoding == .base64 })
        let bytes = try #require(Data(base64Encoded: binary.data))
        #expect(Array(bytes.suffix(2)) == [0xFF, 0xFE])
        #expect(binary.byteCount == bytes.count)
    }

    @Test func buildingTwiceGivesTheSameDocumentAndJSONRoundTrips() throws {
        let (store, id) = try ReportFixtures.demoStore()
        let first = try ReportFixtures.builder(store).build(investigationID: id)
        let second = try ReportFixtures.builder(store).build(investigationID: id)
        #expect(first == second)
        let decoded = try ReportJSON.decode(Data(try ReportJSON.render(first).utf8))
        #expect(decoded == first)
    }

    @Test func unknownInvestigationAndSchemaVersionAreClearErrors() throws {
        let (store, _) = try ReportFixtures.demoStore()
        #expect(throws: ReportError.investigationNotFound(reference: "999")) {
            try ReportFixtures.builder(store).build(investigationID: 999)
        }
        #expect(throws: ReportError.unsupportedSchemaVersion(found: 3, supported: 2)) {
            try ReportJSON.decode(Data(#"{"schema_version": 3}"#.utf8))
        }
        #expect(try InvestigationLookup.resolve("Checkout errors after v2.14.0 deploy", in: store) == 1)
        #expect(try InvestigationLookup.resolve("1", in: store) == 1)
        #expect(throws: ReportError.investigationNotFound(reference: "nope")) { try InvestigationLookup.resolve("nope", in: store) }
    }

    @Test func citationScannerKeepsMalformedCitationsAsText() {
        let pieces = EventCitation.pieces(of: "a [[event:12]] b [[event:x]] [[event:3]]][[event:]]")
        #expect(pieces == [
            .text("a "), .citation(eventID: 12, written: "[[event:12]]"), .text(" b [[event:x]] "),
            .citation(eventID: 3, written: "[[event:3]]"), .text("][[event:]]"),
        ])
        #expect(EventCitation.text(eventID: 7) == "[[event:7]]")
    }

    @Test func theAnomalyFilterIsWhatItsSpellingParsesTo() throws {
        let filter = InvestigationDocumentBuilder.anomalyFilter
        #expect(filter.expression == (try Filter.parse("source:metric peak_score:*")).expression)
    }
}
