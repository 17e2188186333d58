/// The export formats.
public enum ReportFormat: String, Sendable, Hashable, CaseIterable {
    case md, json, html, pdf

    /// The file name extension.
    public var fileExtension: String { rawValue }

    /// Text formats can go to standard output; PDF needs a file.
    public var isText: Bool { self != .pdf }

    /// Accepts the names and a few spellings (`markdown`, `htm`).
    public init?(name: String) {
        switch name.lowercased() {
        case "md", "markdown": self = .md
        case "json": self = .json
        case "html", "htm": self = .html
        case "pdf": self = .pdf
        default: return nil
        }
    }
}
