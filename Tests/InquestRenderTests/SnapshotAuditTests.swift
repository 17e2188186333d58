import InquestCore
@testable import InquestRender
import InquestViewModel
import Testing

/// The audit trail on screen: the `:log` overlay and who last edited a note or investigation.
@Suite struct SnapshotAuditTests {
    static let sizes: [(Int, Int)] = [(80, 24), (120, 40), (60, 15)]

    /// A trail with an update, a tag and hostile text (escape sequences, a bidi override).
    static var trail: [AuditEntry] {
        [
            AuditEntry(
                id: 1, at: SnapshotFixture.time(0), actor: "alice", entity: .investigation, action: .create, investigationID: 7,
                after: #"{"id":7,"title":"Checkout 502s","status":"open","severity":"SEV2","owner":"alice"}"#),
            AuditEntry(
                id: 2, at: SnapshotFixture.time(60), actor: "bob", entity: .investigation, action: .update, investigationID: 7,
                detail: "status", before: #"{"id":7,"status":"open","owner":"alice"}"#, after: #"{"id":7,"status":"resolved","owner":"alice"}"#),
            AuditEntry(
                id: 3, at: SnapshotFixture.time(120), actor: "eve\u{1B}]0;pwned\u{07}", entity: .tag, action: .create, eventID: 1_003,
                detail: "root-cause", after: #"{"event_id":1003,"tag":"root-cause","tagged_by":"eve"}"#),
            AuditEntry(
                id: 4, at: SnapshotFixture.time(180), actor: "bob", entity: .note, action: .update, investigationID: 7, noteID: 2,
                detail: "body", before: #"{"id":2,"body":"rolled back"}"#, after: "{\"id\":2,\"body\":\"rolled back \\u001b[2J\u{202E}v2.3.1\"}"),
        ]
    }

    @Test(arguments: sizes)
    func logOverlay(width: Int, height: Int) throws {
        var state = SnapshotFixture.state(width: width, height: height)
        state.audit.overlay = AuditOverlayState(investigationID: 7, title: "Checkout 502s", requestID: 1, entries: Self.trail)
        let buffer = CanvasRenderer.render(state, width: width, height: height)
        try Snapshot.assertMatches(buffer, named: "audit-log-\(width)x\(height)")
        let text = Snapshot.text(of: buffer)
        #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x202E })
    }

    @Test func notesAndInvestigationsShowWhoLastEdited() throws {
        var state = SnapshotFixture.state(width: 120, height: 40, focus: .notes)
        state.audit.noteEdits = [2: Self.trail[3]]
        state.audit.investigationEdits = [7: Self.trail[1]]
        let buffer = CanvasRenderer.render(state, width: 120, height: 40)
        try Snapshot.assertMatches(buffer, named: "audit-edited-by-120x40")
        let text = Snapshot.text(of: buffer)
        #expect(text.contains("edited by bob"))
        #expect(text.contains("last edited by bob"))
    }
}
