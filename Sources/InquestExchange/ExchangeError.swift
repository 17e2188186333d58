import InquestCore

/// Everything that can go wrong writing or reading a bundle or importing a file. Each message
/// says what is wrong, where, and what to do; a refused import has changed nothing.
public enum ExchangeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file could not be read or written.
    case io(path: String, reason: String)
    /// The file is not JSON at all, or is cut short (truncated download or copy).
    case notJSON(path: String, reason: String)
    /// The JSON is neither an `inquest-bundle` nor an investigation export.
    case unknownFormat(path: String, found: String)
    /// A bundle of a version this build cannot read.
    case unsupportedVersion(path: String, found: Int, supported: Int)
    /// A required section or field is absent.
    case missingSection(path: String, section: String)
    /// A section does not have the shape the format requires (`where` is a JSON path).
    case malformed(path: String, where: String, reason: String)
    /// A section's content does not hash to the checksum in the manifest.
    case checksumMismatch(path: String, section: String, expected: String, actual: String)
    /// A section holds a different number of items than the manifest says.
    case countMismatch(path: String, section: String, expected: Int, actual: Int)
    /// A value inside a section is not one this build understands.
    case invalidField(section: String, index: Int, field: String, value: String)
    /// An event's attributes are not a JSON object, or nest deeper than the store keeps
    /// (``AttributesNesting/maximumDepth``); `index` is its place in the events section, `id` its
    /// id in the bundle.
    case invalidAttributes(index: Int, id: Int64, reason: String)
    /// A link, note, star, tag or audit entry names an event or note the bundle does not carry.
    case danglingReference(section: String, index: Int, reference: String)
    /// The investigation to bundle does not exist.
    case investigationNotFound(String)
    /// The store failed while reading or importing (the import was rolled back).
    case store(String)

    public var description: String {
        switch self {
        case let .io(path, reason):
            "cannot access \(path): \(reason)."
        case let .notJSON(path, reason):
            "\(path) is not a complete JSON document (\(reason)); the file is truncated or damaged — copy it again."
        case let .unknownFormat(path, found):
            "\(path) is not an inquest bundle or investigation export (format \(found.debugDescription)); "
                + "write one with `inquest bundle` or `inquest export --format json`."
        case let .unsupportedVersion(path, found, supported):
            "\(path) is bundle version \(found) but this inquest reads version \(supported); upgrade inquest or re-bundle with this version."
        case let .missingSection(path, section):
            "\(path) has no \"\(section)\" section; the file is incomplete or was edited — bundle it again."
        case let .malformed(path, location, reason):
            "\(path): \(location): \(reason); the file was edited or damaged — bundle it again."
        case let .checksumMismatch(path, section, expected, actual):
            "\(path): section \"\(section)\" does not match its checksum (manifest \(expected.prefix(16))…, content \(actual.prefix(16))…); "
                + "the file was altered or damaged — copy or bundle it again."
        case let .countMismatch(path, section, expected, actual):
            "\(path): section \"\(section)\" holds \(actual) items but the manifest says \(expected); the file was altered — bundle it again."
        case let .invalidField(section, index, field, value):
            "\(section)[\(index)].\(field) has an unknown value \(value.debugDescription); it was written by a newer inquest — upgrade."
        case let .invalidAttributes(index, id, reason):
            "events[\(index)] (event \(id)): attributes \(reason); the file was edited or damaged — bundle it again."
        case let .danglingReference(section, index, reference):
            "\(section)[\(index)] refers to \(reference), which the file does not carry; the file is inconsistent — bundle it again."
        case let .investigationNotFound(name):
            "no investigation \(name.debugDescription); list them with `inquest investigations`."
        case let .store(reason):
            reason
        }
    }
}
