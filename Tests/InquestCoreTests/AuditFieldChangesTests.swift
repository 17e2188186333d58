import Testing
@testable import InquestCore

@Suite struct AuditFieldChangesTests {
    @Test func anUpdateListsOnlyChangedFieldsWithTimesInUTC() {
        let entry = AuditEntry(
            id: 1, at: Timestamp(nanoseconds: 0), actor: "bob", entity: .investigation, action: .update, investigationID: 7,
            detail: "status, resolved_at",
            before: #"{"id":7,"status":"open","resolved_at":null,"owner":"alice","updated_at":1}"#,
            after: #"{"id":7,"status":"resolved","resolved_at":1795099830000000000,"owner":"alice","updated_at":2}"#)
        #expect(entry.fieldChanges == [
            AuditFieldChange(field: "resolved_at", before: "null", after: "2026-11-19T14:50:30.000000Z"),
            AuditFieldChange(field: "status", before: "open", after: "resolved"),
        ])
        #expect(entry.subject == "investigation #7")
    }

    @Test func createAndDeleteListTheRowAndUnreadableJSONListsNothing() {
        let create = AuditEntry(
            id: 2, at: Timestamp(nanoseconds: 0), actor: "a", entity: .tag, action: .create, eventID: 40, detail: "db",
            after: #"{"event_id":40,"tag":"db","tagged_by":"a"}"#)
        #expect(create.fieldChanges == [
            AuditFieldChange(field: "tag", before: nil, after: "db"), AuditFieldChange(field: "tagged_by", before: nil, after: "a"),
        ])
        #expect(create.subject == #"tag "db" on event #40"#)
        let delete = AuditEntry(
            id: 3, at: Timestamp(nanoseconds: 0), actor: "a", entity: .note, action: .delete, noteID: 5, before: #"{"body":"x"}"#)
        #expect(delete.fieldChanges == [AuditFieldChange(field: "body", before: "x", after: nil)])
        let broken = AuditEntry(id: 4, at: Timestamp(nanoseconds: 0), actor: "a", entity: .note, action: .update, before: "{", after: "[1]")
        #expect(broken.fieldChanges.isEmpty)
    }
}
