/// Provenance of an export: when, by whom, by which program, and the investigator's zone.
public struct ReportExportInfo: Sendable, Hashable, Codable {
    /// When the document was built.
    public var exportedAt: ReportTime
    /// The OS user who built it.
    public var exportedBy: String
    /// `inquest` plus its version text.
    public var generator: String
    /// The zone the `local` halves of every ``ReportTime`` are written in (from `TZ` / the system).
    public var zone: ReportZone
    /// The path of the store the document was read from.
    public var source: String

    public init(exportedAt: ReportTime, exportedBy: String, generator: String, zone: ReportZone, source: String) {
        self.exportedAt = exportedAt
        self.exportedBy = exportedBy
        self.generator = generator
        self.zone = zone
        self.source = source
    }
}

/// The investigator's time zone as recorded in a document.
public struct ReportZone: Sendable, Hashable, Codable {
    /// An IANA identifier such as `Europe/Berlin`, or `UTC`.
    public var identifier: String
    /// Its offset east of UTC at export time, in seconds (each ``ReportTime`` carries its own).
    public var offsetSecondsAtExport: Int

    public init(identifier: String, offsetSecondsAtExport: Int) {
        self.identifier = identifier
        self.offsetSecondsAtExport = offsetSecondsAtExport
    }
}
