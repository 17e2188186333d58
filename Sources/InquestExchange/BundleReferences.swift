/// Checks that a bundle's sections agree with each other: every link, note, star and tag
/// names the bundle's investigation and events it carries.
enum BundleReferences {
    static func check(_ bundle: InvestigationBundle) throws {
        let eventIDs = Set(bundle.events.map(\.eventID))
        let investigationID = bundle.manifest.investigationID
        if bundle.investigation.id != investigationID {
            throw ExchangeError.danglingReference(
                section: "investigation", index: 0, reference: "id \(bundle.investigation.id.map(String.init) ?? "null") (manifest: \(investigationID))")
        }
        for (index, link) in bundle.links.enumerated() {
            if link.investigationID != investigationID {
                throw ExchangeError.danglingReference(section: "links", index: index, reference: "investigation \(link.investigationID)")
            }
            if !eventIDs.contains(link.eventID) {
                throw ExchangeError.danglingReference(section: "links", index: index, reference: "event \(link.eventID)")
            }
        }
        for (index, bundled) in bundle.notes.enumerated() {
            if bundled.note.investigationID != investigationID {
                throw ExchangeError.danglingReference(
                    section: "notes", index: index, reference: "investigation \(bundled.note.investigationID)")
            }
            if let eventID = bundled.note.eventID, !eventIDs.contains(eventID) {
                throw ExchangeError.danglingReference(section: "notes", index: index, reference: "event \(eventID)")
            }
        }
        for (index, star) in bundle.stars.enumerated() where !eventIDs.contains(star.eventID) {
            throw ExchangeError.danglingReference(section: "stars", index: index, reference: "event \(star.eventID)")
        }
        for (index, tag) in bundle.tags.enumerated() where !eventIDs.contains(tag.eventID) {
            throw ExchangeError.danglingReference(section: "tags", index: index, reference: "event \(tag.eventID)")
        }
    }
}
