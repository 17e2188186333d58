/// A note of the investigation with its event citations resolved.
public struct ReportNote: Sendable, Hashable, Codable {
    /// The note's id in the exporting store.
    public var noteID: Int64
    public var author: String
    public var created: ReportTime
    public var edited: ReportTime
    /// Who last edited it according to the audit trail, or nil when unknown.
    public var lastEditedBy: String?
    /// The event the note is about, if any.
    public var aboutEventID: Int64?
    /// The footnote of ``aboutEventID``, if any.
    public var aboutFootnote: Int?
    /// The body exactly as stored (Markdown; citations written `[[event:ID]]`).
    public var body: String
    /// The body split into text and citations, in order; renderers walk this.
    public var segments: [NoteSegment]

    public init(
        noteID: Int64, author: String, created: ReportTime, edited: ReportTime, lastEditedBy: String?,
        aboutEventID: Int64?, aboutFootnote: Int?, body: String, segments: [NoteSegment]
    ) {
        self.noteID = noteID
        self.author = author
        self.created = created
        self.edited = edited
        self.lastEditedBy = lastEditedBy
        self.aboutEventID = aboutEventID
        self.aboutFootnote = aboutFootnote
        self.body = body
        self.segments = segments
    }
}

/// A piece of a note body: plain text, or a citation of an event resolved to a footnote.
public struct NoteSegment: Sendable, Hashable, Codable {
    /// The text (for a citation: the citation as written, e.g. `[[event:42]]`).
    public var text: String
    /// The cited event id; nil for plain text.
    public var eventID: Int64?
    /// The footnote number of the cited event; nil for plain text.
    public var footnote: Int?

    public init(text: String, eventID: Int64? = nil, footnote: Int? = nil) {
        self.text = text
        self.eventID = eventID
        self.footnote = footnote
    }

    /// True for a citation.
    public var isCitation: Bool { eventID != nil }
}

/// A footnote: one cited event, and where it is in the timeline.
public struct ReportFootnote: Sendable, Hashable, Codable {
    /// 1-based, in order of first citation across the notes.
    public var number: Int
    public var eventID: Int64
    /// The timeline entry's ``TimelineEntry/ref``; nil when the event no longer exists.
    public var timelineRef: Int?

    public init(number: Int, eventID: Int64, timelineRef: Int?) {
        self.number = number
        self.eventID = eventID
        self.timelineRef = timelineRef
    }
}
