import Foundation
import InquestCore
import InquestStore

/// Finds an investigation by id or by exact title, as the CLI's INVESTIGATION argument allows.
public enum InvestigationLookup {
    /// The id of the investigation named by `reference`: a number that is an existing id, else
    /// an exact (case-sensitive) title.
    public static func resolve(_ reference: String, in store: InquestStore) throws(ReportError) -> Int64 {
        let summaries: [InvestigationSummary]
        do {
            summaries = try store.investigations()
        } catch {
            throw .store(operation: "listing investigations", reason: "\(error)")
        }
        let trimmed = reference.trimmingCharacters(in: .whitespaces)
        if let id = Int64(trimmed.hasPrefix("#") ? String(trimmed.dropFirst()) : trimmed),
           summaries.contains(where: { $0.investigation.id == id }) {
            return id
        }
        let matches = summaries.filter { $0.investigation.title == reference }.compactMap(\.investigation.id).sorted()
        switch matches.count {
        case 0: throw .investigationNotFound(reference: reference)
        case 1: return matches[0]
        default: throw .ambiguousTitle(title: reference, ids: matches)
        }
    }
}
