import Foundation
import InquestStore

/// How the CLI names an investigation: its id (`5` or `#5`) or its exact title.
public enum InvestigationReference {
    /// The id of the investigation `text` names in `store`.
    public static func resolve(_ text: String, in store: InquestStore) throws -> Int64 {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let digits = trimmed.hasPrefix("#") ? String(trimmed.dropFirst()) : trimmed
        do {
            if let id = Int64(digits), try store.investigation(id: id) != nil { return id }
            let matches = try store.investigations().filter { $0.investigation.title == text }
            if matches.count == 1, let id = matches[0].investigation.id { return id }
        } catch {
            throw ExchangeError.store("\(error)")
        }
        throw ExchangeError.investigationNotFound(text)
    }
}
