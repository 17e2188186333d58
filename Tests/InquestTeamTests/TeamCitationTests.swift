import InquestCore
import InquestTeam
import Testing

@Suite struct TeamCitationTests {
    @Test func localCitationsLeaveAsKeysWithTheirEventsAndComeBackAsThisStoresIDs() {
        // Given a note citing local events 4 (twice) and 1, and 99, which the store lacks
        let (four, one) = (TeamFixtures.record(4), TeamFixtures.record(1))
        let records: [Int64: EventRecord] = [4: four, 1: one]
        let body = "pool at 5 [[event:4]] since [[event:1]]; again [[event:4]], not [[event:99]]"

        // When it is shared
        let shared = TeamCitation.shared(body) { records[$0] }

        // Then the known citations name the events' keys, each event shared once, and the unknown stays
        let (k4, k1) = (four.dedupeKey, one.dedupeKey)
        #expect(shared.body == "pool at 5 [[event-key:\(k4)]] since [[event-key:\(k1)]]; again [[event-key:\(k4)]], not [[event:99]]")
        #expect(shared.cited.map(\.dedupeKey) == [k4, k1])
        #expect(TeamCitation.keys(in: shared.body) == [k4, k1])

        // And another store that has only the first event reads it by its own id, the other by key
        let back = TeamCitation.local(shared.body) { $0 == k4 ? 40 : nil }
        #expect(back == "pool at 5 [[event:40]] since [[event-key:\(k1)]]; again [[event:40]], not [[event:99]]")
    }

    @Test(arguments: [
        "[[event-key:]]", "[[event-key:0123]]", "[[event-key:0123456789ABCDEF0123456789ABCDEF]]",
        "[[event-key:0123456789abcdef0123456789abcdef]", "[[event-key:0123456789abcdef0123456789abcdef0]]",
    ])
    func whatIsNotExactlyAKeyCitationIsText(_ body: String) {
        #expect(TeamCitation.keys(in: body).isEmpty)
        #expect(TeamCitation.local(body) { _ in 1 } == body)
    }
}
