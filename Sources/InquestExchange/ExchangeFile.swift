import Foundation
import InquestCore
import InquestStore

/// The entry point of `inquest import`: recognises what a file is and imports it.
public enum ExchangeFile {
    /// Reads `data` (named `path` in errors) as a bundle (`"format": "inquest-bundle"`) or a JSON
    /// export (`schema_version`, or version 1's `schemaVersion`, at the top, no `format`) and merges it into `store` in one
    /// transaction; a file that is neither, or is damaged, is refused before anything is written.
    public static func importFile(
        _ data: Data, path: String, into store: InquestStore, importer: String = CurrentUser.name, now: Timestamp = .now()
    ) throws -> ImportSummary {
        let (bundle, format) = try read(data, path: path)
        return try BundleImporter(importer: importer, now: now, format: format).importBundle(bundle, into: store)
    }

    /// Reads `data` (named `path` in errors) as a bundle or a JSON export, as one bundle, and says
    /// which it was (``BundleCodec/format`` or ``ExportDocumentReader/format``); a damaged or
    /// foreign file throws.
    public static func read(_ data: Data, path: String) throws -> (bundle: InvestigationBundle, format: String) {
        let top = try BundleCodec.topLevelObject(data, path: path)
        if top["format"] == nil, top["schema_version"] != nil || top["schemaVersion"] != nil {
            let document = try ExportDocumentReader.decode(data, path: path)
            return (try ExportDocumentReader.bundle(from: document, path: path), ExportDocumentReader.format)
        }
        return (try BundleCodec.decode(data, path: path), BundleCodec.format)
    }
}
