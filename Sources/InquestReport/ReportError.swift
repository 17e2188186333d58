/// Everything that can go wrong while building or rendering a report. Each message says what
/// failed, where, and what to do.
public enum ReportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No investigation has this id or exact title.
    case investigationNotFound(reference: String)
    /// More than one investigation has this exact title.
    case ambiguousTitle(title: String, ids: [Int64])
    /// The store failed while the document was being read.
    case store(operation: String, reason: String)
    /// A document's `schemaVersion` is not one this build can read.
    case unsupportedSchemaVersion(found: Int, supported: Int)
    /// A JSON document could not be decoded.
    case malformedDocument(reason: String)
    /// The external program that renders PDF is not installed.
    case pdfRendererMissing(tried: [String], installHint: String)
    /// The PDF renderer ran but failed.
    case pdfRendererFailed(program: String, status: Int32, output: String)
    /// A report file or its directory could not be written.
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case let .investigationNotFound(reference):
            "no investigation with id or title \(reference.debugDescription); list them with `inquest investigations`."
        case let .ambiguousTitle(title, ids):
            "\(ids.count) investigations are titled \(title.debugDescription) (ids \(ids.map(String.init).joined(separator: ", "))); "
                + "pass the id instead."
        case let .store(operation, reason):
            "\(operation) failed: \(reason)"
        case let .unsupportedSchemaVersion(found, supported):
            "the document has schemaVersion \(found) but this inquest reads version \(supported); "
                + "export it again with this inquest or upgrade."
        case let .malformedDocument(reason):
            "the investigation document is not valid: \(reason). Check that the file is an `inquest export --format json` output."
        case let .pdfRendererMissing(tried, hint):
            "no PDF renderer found (looked for \(tried.joined(separator: ", ")) on PATH and $INQUEST_PDF_RENDERER); install one: \(hint)"
        case let .pdfRendererFailed(program, status, output):
            "\(program) exited with status \(status) while printing the PDF: \(output.isEmpty ? "no output" : output). "
                + "Export the HTML instead (--format html) and print it from a browser."
        case let .cannotWrite(path, reason):
            "cannot write \(path): \(reason). Check that the directory exists and is writable, or pass another path."
        }
    }
}
