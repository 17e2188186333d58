import InquestCore
import InquestViewModel

/// Catalogue roles picked by a value the panes draw (an investigation's status and severity,
/// a details span); every answer is a role of ``StyleRole/all``.
extension StyleRole {
    /// The role of an investigation status (`investigation.status.<status>`).
    public static func status(_ status: Investigation.Status) -> StyleRole {
        switch status {
        case .open: .investigationStatusOpen
        case .investigating: .investigationStatusInvestigating
        case .resolved: .investigationStatusResolved
        }
    }

    /// The role of an incident severity (`investigation.severity.sev<n>`).
    public static func incidentSeverity(_ severity: Investigation.IncidentSeverity) -> StyleRole {
        switch severity {
        case .sev1: .investigationSeveritySev1
        case .sev2: .investigationSeveritySev2
        case .sev3: .investigationSeveritySev3
        case .sev4: .investigationSeveritySev4
        }
    }

    /// The role of a span of the details pane.
    public static func detail(_ kind: DetailSpanKind) -> StyleRole {
        switch kind {
        case .section: .detailsSection
        case .key, .hint: .detailsKey
        case .value: .detailsValue
        case .raw: .detailsRaw
        case .jsonKey: .detailsJsonKey
        case .jsonString: .detailsJsonString
        case .jsonNumber: .detailsJsonNumber
        case .jsonLiteral: .detailsJsonLiteral
        case .jsonPunctuation: .detailsJsonPunctuation
        // The span tree reuses existing roles, so every theme already styles it.
        case .span: .detailsValue
        case .spanError: .timelineSeverityError
        case .spanSelected: .selectionUnfocused
        case .spanBar: .sourceTrace
        // So does a series chart.
        case .chartAxis: .densityAxis
        case .chartPlot: .sourceMetric
        case .chartMarked: .timelineSeverityError
        case .chartGap: .dim
        }
    }
}
