import Foundation

/// What happened to an investigation that someone may be told about. A change can be of several
/// kinds at once (a status set to `resolved` is `status` and `resolved`).
public enum NotificationKind: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// The investigation was created.
    case created
    /// Its status changed.
    case status
    /// Its incident severity changed.
    case severity
    /// Its owner changed.
    case owner
    /// A note was added to it.
    case note
    /// Its status became `resolved`.
    case resolved

    public static func < (lhs: NotificationKind, rhs: NotificationKind) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }

    /// Reads a comma-separated list (`status,note`; `all` for every kind), as `--events` takes it.
    /// Fails with the first word that is not a kind (or the whole text when it names none).
    public static func parseList(_ text: String) -> Result<Set<NotificationKind>, NotificationKindListError> {
        var kinds: Set<NotificationKind> = []
        for word in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) where !word.isEmpty {
            if word == "all" {
                kinds.formUnion(allCases)
            } else if let kind = NotificationKind(rawValue: word) {
                kinds.insert(kind)
            } else {
                return .failure(NotificationKindListError(word: word))
            }
        }
        guard !kinds.isEmpty else { return .failure(NotificationKindListError(word: text)) }
        return .success(kinds)
    }
}

/// A word of an `--events` list that names no ``NotificationKind``.
public struct NotificationKindListError: Error, Sendable, Hashable, CustomStringConvertible {
    public var word: String

    public var description: String {
        "unknown event \(word.debugDescription): use \(NotificationKind.allCases.map(\.rawValue).joined(separator: ", ")) or all"
    }
}
