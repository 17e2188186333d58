import InquestCore

/// A note as a bundle carries it, with the key it had in the store it was first written in.
public struct BundledNote: Sendable, Hashable, Codable {
    /// `<store id>:note:<id>` (see ``InquestStore/originKey(entity:localID:)``).
    public var originKey: String
    /// The note with the source store's ids (its investigation's and its event's).
    public var note: Note

    public init(originKey: String, note: Note) {
        self.originKey = originKey
        self.note = note
    }
}
