import Foundation
import InquestCore
import InquestTeam
import Testing

@Suite struct TeamChangeTests {
    @Test func aChangeReadsBackFromTheOutboxAsItWasKept() throws {
        let event = TeamFixtures.record(1)
        let changes: [TeamChange.Kind] = [
            .createInvestigation(Investigation(title: "checkout 502s", severity: .sev2, affectedServices: ["checkout"])),
            .updateInvestigation(.createdBy(changeID: UUID()), values: Investigation(title: "t", status: .resolved), fields: [.status]),
            .addNote(.id(4), event: event, body: "**suspect** the deploy"),
            .link(.id(4), event: event, reason: nil),
            .unlink(.id(4), eventKey: event.dedupeKey),
            .star(event), .unstar(eventKey: event.dedupeKey),
            .addTag(event, tag: "cause"), .removeTag(eventKey: event.dedupeKey, tag: "cause"),
            .editNote(noteID: 7, body: "edited"), .saveView(.id(4), name: "errors", filter: "severity>=error"),
        ]
        for kind in changes {
            let change = TeamChange(madeAt: Timestamp(nanoseconds: 1_700_000_000_000_000_000), kind: kind)
            #expect(try TeamChange(decoding: change.encoded()) == change)
        }
    }

    @Test func onlyTheFieldsThatDifferAreChanged() {
        let before = Investigation(title: "a", status: .open, severity: .sev3)
        var after = before
        after.status = .resolved
        after.severity = .sev1
        #expect(InvestigationField.changed(from: before, to: after) == [.status, .severity])
        #expect(InvestigationField.changed(from: before, to: before).isEmpty)
    }
}

@Suite struct TeamChangeNoticeTests {
    @Test func readsTheTriggersPayload() {
        let payload = #"{"audit_id": 42, "at": 1765000000123456789, "entity": "note", "action": "create", "investigation_id": 7, "event_key": null, "actor": "alice"}"#
        #expect(TeamChangeNotice(payload: payload) == TeamChangeNotice(
            auditID: 42, at: Timestamp(nanoseconds: 1_765_000_000_123_456_789), entity: .note, action: .create, investigationID: 7,
            eventKey: nil, actor: "alice"))
    }

    @Test(arguments: ["", "not json", #"{"audit_id": 1}"#, #"{"audit_id": 1, "at": 0, "entity": "planet", "action": "create", "actor": "x"}"#])
    func ignoresWhatIsNotANotice(_ payload: String) {
        #expect(TeamChangeNotice(payload: payload) == nil)
    }
}
