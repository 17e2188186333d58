/// How a note refers to an event: `[[event:ID]]`, where ID is the event's store id in decimal.
///
/// The canvas inserts one for the selected event while writing a note; exports resolve each
/// to a footnote pointing at the event in the report's timeline. Anything that does not match
/// exactly (`[[event:]]`, `[[event:12x]]`, spaces) is plain text.
public enum EventCitation {
    /// The citation text for an event id: `[[event:42]]`.
    public static func text(eventID: Int64) -> String { "[[event:\(eventID)]]" }

    /// A piece of a note body.
    public enum Piece: Sendable, Hashable {
        /// Text without citations.
        case text(String)
        /// A citation of the event with this id; `written` is the citation as it appeared.
        case citation(eventID: Int64, written: String)
    }

    /// Splits a body into text and citations, in order. Adjacent text is merged; the pieces'
    /// texts joined give back the body.
    public static func pieces(of body: String) -> [Piece] {
        var pieces: [Piece] = []
        var pendingText = Substring()
        var rest = body[...]
        let opener = "[[event:"
        while let range = rest.range(of: opener) {
            let afterOpener = rest[range.upperBound...]
            let digits = afterOpener.prefix { $0.isASCII && $0.isNumber }
            let afterDigits = afterOpener[digits.endIndex...]
            if !digits.isEmpty, digits.count <= 18, afterDigits.hasPrefix("]]"), let id = Int64(digits) {
                let end = afterDigits.index(afterDigits.startIndex, offsetBy: 2)
                pendingText += rest[rest.startIndex..<range.lowerBound]
                if !pendingText.isEmpty { pieces.append(.text(String(pendingText))) }
                pendingText = Substring()
                pieces.append(.citation(eventID: id, written: String(rest[range.lowerBound..<end])))
                rest = rest[end...]
            } else {
                pendingText += rest[rest.startIndex..<range.upperBound]
                rest = afterOpener
            }
        }
        pendingText += rest
        if !pendingText.isEmpty { pieces.append(.text(String(pendingText))) }
        return pieces
    }

    /// The ids cited in a body, in order of first appearance, without repeats.
    public static func citedEventIDs(in body: String) -> [Int64] {
        var seen = Set<Int64>()
        var ids: [Int64] = []
        for case let .citation(id, _) in pieces(of: body) where seen.insert(id).inserted { ids.append(id) }
        return ids
    }
}
