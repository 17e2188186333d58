import Foundation
import GRDB
import InquestCore

extension DeadLetter {
    static let selection = "id, source, location, reason, raw, first_seen, attempts"

    init(row: Row) {
        self.init(
            id: row["id"], source: row["source"], location: row["location"], reason: row["reason"],
            raw: [UInt8](row["raw"] as Data? ?? Data()), firstSeen: Timestamp(nanoseconds: row["first_seen"]),
            attempts: row["attempts"])
    }
}
