import GRDB
import InquestCore

extension InquestStore {
    /// Every stored template, absorbed ones included, by id.
    public func templates() throws -> [Int64: LogTemplate] {
        try wrap("reading log templates") {
            try writer.read { db in
                var templates: [Int64: LogTemplate] = [:]
                let rows = try Row.fetchCursor(db, sql: "SELECT id, text, merged_into, count FROM log_template")
                while let row = try rows.next() {
                    let template = LogTemplate(id: row["id"], text: row["text"], count: row["count"], mergedInto: row["merged_into"])
                    templates[template.id] = template
                }
                return templates
            }
        }
    }

    /// The template a stored template id reads as now (following merges), and how many stored
    /// events share it (its own and those of templates absorbed into it); nil when unknown.
    public func template(of storedID: Int64) throws -> (template: LogTemplate, events: Int64)? {
        try wrap("reading log template \(storedID)") {
            try writer.read { db in
                var id = storedID
                for _ in 0..<64 {
                    guard let next = try Int64?.fetchOne(
                        db, sql: "SELECT merged_into FROM log_template WHERE id = ?", arguments: [id]) ?? nil
                    else { break }
                    id = next
                }
                guard let row = try Row.fetchOne(db, sql: "SELECT text FROM log_template WHERE id = ?", arguments: [id]) else {
                    return nil
                }
                let events = try Int64.fetchOne(db, sql: """
                    WITH RECURSIVE family(id) AS (SELECT ? UNION
                      SELECT log_template.id FROM log_template JOIN family ON log_template.merged_into = family.id)
                    SELECT COALESCE(sum(count), 0) FROM log_template WHERE id IN (SELECT id FROM family)
                    """, arguments: [id]) ?? 0
                return (LogTemplate(id: id, text: row["text"], count: events), events)
            }
        }
    }

    /// Writes the templates of a batch (new, widened or absorbed ones), keeping stored counts.
    static func upsertTemplates(_ templates: [LogTemplate], _ db: Database) throws {
        guard !templates.isEmpty else { return }
        let statement = try db.cachedStatement(sql: """
            INSERT INTO log_template (id, text, merged_into) VALUES (?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET text = excluded.text, merged_into = excluded.merged_into
            """)
        for template in templates {
            try statement.execute(arguments: [template.id, template.text, template.mergedInto])
        }
    }

    /// Adds the events just stored (ids `outcome.firstID...lastID`) to their templates' counts:
    /// from the batch's own ids when every event was new, else from the stored rows.
    static func countTemplates(_ events: EncodedEvents, inserted outcome: EventInsertion.Outcome, _ db: Database) throws {
        guard events.hasTemplates, let first = outcome.firstID, let last = outcome.lastID else { return }
        var counts: [Int64: Int64] = [:]
        if outcome.inserted == events.count {
            for id in events.templateIDs { counts[id, default: 0] += 1 }
        } else {
            let rows = try Row.fetchCursor(db, sql: """
                SELECT template_id, count(*) FROM event WHERE id BETWEEN ? AND ? AND template_id IS NOT NULL
                GROUP BY template_id
                """, arguments: [first, last])
            while let row = try rows.next() { counts[row[0], default: 0] += row[1] }
        }
        let statement = try db.cachedStatement(sql: "UPDATE log_template SET count = count + ? WHERE id = ?")
        for (id, count) in counts {
            try statement.execute(arguments: [count, id])
        }
    }
}
