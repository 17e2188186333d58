import InquestCore

/// Rewrites the event citations of a note body (`[[event:ID]]`, see ``EventCitation``) from
/// the ids of the store a note was written in to the ids of the store it is imported into.
enum CitationRemap {
    /// `body` with every citation of a mapped id rewritten. A citation of an event the file did
    /// not carry (deleted at the source) would name an unrelated local event, so it becomes
    /// plain text: `[[event:N (not imported)]]`.
    static func rewrite(_ body: String, _ eventIDs: [Int64: Int64]) -> String {
        EventCitation.pieces(of: body).map { piece in
            switch piece {
            case let .text(text): text
            case let .citation(id, _): eventIDs[id].map { EventCitation.text(eventID: $0) } ?? "[[event:\(id) (not imported)]]"
            }
        }.joined()
    }
}
