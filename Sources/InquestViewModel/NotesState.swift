import InquestCore

/// The notes pane: notes of the current investigation, oldest first (newest last).
public struct NotesState: Sendable, Hashable {
    public var notes: [Note]
    /// Index of the selected note.
    public var selected: Int

    public init(notes: [Note] = [], selected: Int = 0) {
        self.notes = notes
        self.selected = selected
    }

    public var selectedNote: Note? {
        notes.indices.contains(selected) ? notes[selected] : nil
    }
}
