import InquestCore

/// The investigation form (`c` creates, Enter/`i` on the list edits).
///
/// Tab/Down and Shift-Tab/Up move between fields; status and severity cycle with
/// Left/Right/Space; Enter or Ctrl-S saves; ESC cancels.
public struct InvestigationFormState: Sendable, Hashable {
    /// The form's fields, in display order.
    public enum Field: String, Sendable, Hashable, CaseIterable {
        case title, status, severity, owner, rootCause, impact

        /// The label drawn before the field.
        public var label: String {
            switch self {
            case .title: "Title"
            case .status: "Status"
            case .severity: "Severity"
            case .owner: "Owner"
            case .rootCause: "Root cause"
            case .impact: "Impact"
            }
        }

        /// True for fields chosen from a closed set rather than typed.
        public var isChoice: Bool { self == .status || self == .severity }
    }

    /// The investigation being edited; nil when creating.
    public var investigationID: Int64?
    /// The fields as they were when the form opened on an existing investigation (nil when
    /// creating): a save changes only the fields that differ from these, so a field a teammate
    /// changed meanwhile and this user left alone keeps the teammate's value.
    public var original: InvestigationDraft?
    public var status: Investigation.Status
    public var severity: Investigation.IncidentSeverity
    /// The typed fields (title, owner, root cause, impact).
    public var title: TextField
    public var owner: TextField
    public var rootCause: TextField
    public var impact: TextField
    public var focused: Field
    /// Why the last save was refused (e.g. empty title).
    public var error: String?

    public init(investigationID: Int64? = nil, draft: InvestigationDraft, focused: Field = .title, error: String? = nil) {
        self.investigationID = investigationID
        self.original = investigationID == nil ? nil : draft
        self.status = draft.status
        self.severity = draft.severity
        self.title = TextField(draft.title)
        self.owner = TextField(draft.owner)
        self.rootCause = TextField(draft.rootCause)
        self.impact = TextField(draft.impact)
        self.focused = focused
        self.error = error
    }

    /// The fields as a draft to save.
    public var draft: InvestigationDraft {
        InvestigationDraft(
            title: title.text.trimmingWhitespace, status: status, severity: severity,
            owner: owner.text.trimmingWhitespace, rootCause: rootCause.text, impact: impact.text
        )
    }

    /// The text of a field as displayed.
    public func text(of field: Field) -> String {
        switch field {
        case .title: title.text
        case .status: status.rawValue
        case .severity: severity.rawValue
        case .owner: owner.text
        case .rootCause: rootCause.text
        case .impact: impact.text
        }
    }

    /// The caret of a typed field (nil for choice fields).
    public func caret(of field: Field) -> Int? {
        switch field {
        case .title: title.caret
        case .owner: owner.caret
        case .rootCause: rootCause.caret
        case .impact: impact.caret
        case .status, .severity: nil
        }
    }

    /// Inserts pasted one-line text into the focused typed field as one edit; false (nothing
    /// changes) when a choice field has focus.
    mutating func paste(_ text: String) -> Bool {
        switch focused {
        case .title: title.insert(text)
        case .owner: owner.insert(text)
        case .rootCause: rootCause.insert(text)
        case .impact: impact.insert(text)
        case .status, .severity: return false
        }
        return true
    }

    /// Applies an editing key to the focused field; false when the key is not for the field.
    mutating func edit(_ key: KeyPress) -> Bool {
        switch focused {
        case .title: return title.apply(key)
        case .owner: return owner.apply(key)
        case .rootCause: return rootCause.apply(key)
        case .impact: return impact.apply(key)
        case .status:
            guard let step = Self.choiceStep(key) else { return false }
            status = Self.cycle(status, by: step)
            return true
        case .severity:
            guard let step = Self.choiceStep(key) else { return false }
            severity = Self.cycle(severity, by: step)
            return true
        }
    }

    private static func choiceStep(_ key: KeyPress) -> Int? {
        switch key {
        case .right, .character(" "), .character("l"): 1
        case .left, .character("h"): -1
        default: nil
        }
    }

    private static func cycle<Value: CaseIterable & Equatable>(_ value: Value, by step: Int) -> Value {
        let all = Array(Value.allCases)
        let index = all.firstIndex(of: value) ?? 0
        return all[(index + step + all.count) % all.count]
    }
}
