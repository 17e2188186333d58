import InquestCore

/// How a note in the team database cites an event: by its dedupe key, `[[event-key:HEX]]`,
/// since an event's id (`[[event:ID]]`, ``EventCitation``) is a number in one store only.
///
/// A note leaves a store with its citations turned into keys (``shared(_:record:)``, which also
/// returns the cited events so they are shared with the note) and comes back with each key
/// turned into the id this store has for it (``local(_:eventID:)``); a key the store lacks stays
/// as written, so the text still names the event. Anything that is not exactly the opener, 32
/// lowercase hex digits and `]]` is plain text.
public enum TeamCitation {
    static let opener = "[[event-key:"

    /// The citation text for an event's dedupe key (32 hex digits).
    public static func text(eventKey: String) -> String { "\(opener)\(eventKey)]]" }

    /// `body` with every `[[event:ID]]` whose event `record` finds turned into a key citation,
    /// and those events (each once, in order of first citation). A citation of an event that is
    /// not found stays as written.
    public static func shared(_ body: String, record: (Int64) -> EventRecord?) -> (body: String, cited: [EventRecord]) {
        var text = ""
        var cited: [EventRecord] = []
        var seen = Set<String>()
        for piece in EventCitation.pieces(of: body) {
            switch piece {
            case .text(let plain):
                text += plain
            case .citation(let eventID, let written):
                guard let event = record(eventID) else {
                    text += written
                    continue
                }
                text += Self.text(eventKey: event.dedupeKey)
                if seen.insert(event.dedupeKey).inserted { cited.append(event) }
            }
        }
        return (text, cited)
    }

    /// `body` with every key citation whose event `eventID` finds turned into `[[event:ID]]`.
    public static func local(_ body: String, eventID: (String) -> Int64?) -> String {
        var text = ""
        for piece in pieces(of: body) {
            switch piece {
            case .text(let plain): text += plain
            case .key(let key, let written): text += eventID(key).map { EventCitation.text(eventID: $0) } ?? written
            }
        }
        return text
    }

    /// The dedupe keys `body` cites, in order of first citation, without repeats.
    public static func keys(in body: String) -> [String] {
        var seen = Set<String>()
        var keys: [String] = []
        for case let .key(key, _) in pieces(of: body) where seen.insert(key).inserted { keys.append(key) }
        return keys
    }

    enum Piece {
        case text(String)
        case key(String, written: String)
    }

    /// Splits `body` into text and key citations, in order (one pass, no backtracking).
    static func pieces(of body: String) -> [Piece] {
        var pieces: [Piece] = []
        var pending = Substring()
        var rest = body[...]
        while let range = rest.range(of: opener) {
            let after = rest[range.upperBound...]
            let hex = after.prefix { $0.isASCII && $0.isHexDigit && !$0.isUppercase }
            let afterHex = after[hex.endIndex...]
            if hex.count == 32, afterHex.hasPrefix("]]") {
                let end = afterHex.index(afterHex.startIndex, offsetBy: 2)
                pending += rest[rest.startIndex..<range.lowerBound]
                if !pending.isEmpty { pieces.append(.text(String(pending))) }
                pending = Substring()
                pieces.append(.key(String(hex), written: String(rest[range.lowerBound..<end])))
                rest = rest[end...]
            } else {
                pending += rest[rest.startIndex..<range.upperBound]
                rest = after
            }
        }
        pending += rest
        if !pending.isEmpty { pieces.append(.text(String(pending))) }
        return pieces
    }
}
