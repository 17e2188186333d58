import Foundation

/// Recognises a trace file's format from the keys in its first 64 KiB, without parsing it.
public enum TraceFormatDetector {
    /// How many leading bytes are inspected.
    public static let sniffLength = 65_536

    /// The format of `data`, or nil when it does not look like a trace document.
    ///
    /// The text must start (after whitespace and a BOM) with `{` or `[`. Then: a
    /// `"resourceSpans"` key means OTLP; a `"spans"` key with `"spanID"` or `"operationName"`
    /// means Jaeger (Jaeger spells ids `traceID`/`spanID`); `"traceId"` with an `"id"` key means
    /// Zipkin v2 (OTLP also writes `traceId`, but only under `resourceSpans`) when the document
    /// is an array, or a single object with a `localEndpoint`/`remoteEndpoint` (so a JSON log
    /// line that merely carries `traceId` and `id` is not taken for a span).
    public static func detect(_ data: Data) -> TraceFormat? {
        let prefix = Array(data.prefix(sniffLength))
        var index = 0
        if prefix.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        while index < prefix.count, [0x20, 0x09, 0x0A, 0x0D].contains(prefix[index]) { index += 1 }
        guard index < prefix.count, prefix[index] == UInt8(ascii: "{") || prefix[index] == UInt8(ascii: "[") else {
            return nil
        }
        func has(_ key: String) -> Bool { contains(prefix, Array("\"\(key)\"".utf8)) }
        if has("resourceSpans") || has("instrumentationLibrarySpans") || has("scopeSpans") { return .otlp }
        if has("spans") && (has("spanID") || has("operationName")) { return .jaeger }
        let isArray = prefix[index] == UInt8(ascii: "[")
        if has("traceId") && has("id") && (isArray || has("localEndpoint") || has("remoteEndpoint")) { return .zipkin }
        return nil
    }

    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, needle.count <= haystack.count else { return false }
        var index = 0
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first && haystack[index..<index + needle.count].elementsEqual(needle) { return true }
            index += 1
        }
        return false
    }
}
