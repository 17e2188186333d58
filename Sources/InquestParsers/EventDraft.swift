import InquestCore

/// The fields a record parser found, before the stream-level defaults (inherited time,
/// severity fallback, raw bytes, dedupe key) turn it into an ``Event``.
struct EventDraft {
    var time: WrittenTime?
    var timestampText = ""
    var severity: Severity?
    var levelText: String?
    var service: String?
    var host: String?
    var message: String?
    var traceID: String?
    var spanID: String?
    var requestID: String?
    var attributes = AttributesWriter()
}
