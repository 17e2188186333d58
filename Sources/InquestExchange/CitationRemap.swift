import InquestCore

/// Rewrites the event citations of a note body (`[[event:ID]]`, see ``EventCitation``) from
/// the ids of the store a note was written in to the ids of the store it is imported into.
enum CitationRemap {
    /// `body` with every citation of a mapped id rewritten; others are left as written.
    static func rewrite(_ body: String, _ eventIDs: [Int64: Int64]) -> String {
        EventCitation.pieces(of: body).map { piece in
            switch piece {
            case let .text(text): text
            case let .citation(id, written): eventIDs[id].map { EventCitation.text(eventID: $0) } ?? written
            }
        }.joined()
    }
}
