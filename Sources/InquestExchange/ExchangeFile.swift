import Foundation
import InquestCore
import InquestStore

/// The entry point of `inquest import`: recognises what a file is and imports it.
public enum ExchangeFile {
    /// Reads `data` (named `path` in errors) as a bundle and merges it into `store` in one
    /// transaction; a file that is not a valid bundle is refused before anything is written.
    public static func importFile(
        _ data: Data, path: String, into store: InquestStore, importer: String = CurrentUser.name, now: Timestamp = .now()
    ) throws -> ImportSummary {
        let bundle = try BundleCodec.decode(data, path: path)
        return try BundleImporter(importer: importer, now: now, format: BundleCodec.format).importBundle(bundle, into: store)
    }
}
