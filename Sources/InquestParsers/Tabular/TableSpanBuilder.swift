import InquestCore

/// Turns a table's rows into spans, one per row (see ``TableParser``).
///
/// Ids are lower-cased; a parent cell that is empty, all zeros or not hex (`root`, `null`, `-`)
/// makes a root span. The duration is end − start when an end column reads as a time, else the
/// duration column in the unit its name ends with (`ms`, `us`/`micros`, `ns`/`nanos`, `s`),
/// microseconds when it names none (Jaeger's and Zipkin's unit). The service is the service
/// column, else the pod's workload (``KubernetesPodName``; the pod is then the host). A
/// `status`/`statusCode` cell reading `error`, `2` or `STATUS_CODE_ERROR`, or an `error` cell
/// reading `true`/`1`, marks a failed span. Other cells are attributes.
struct TableSpanBuilder {
    let layout: TableLayout
    private var resolver: TimeResolver
    private let durationUnit: Int64
    private let statusColumn: Int?
    private let errorColumn: Int?

    init(layout: TableLayout, options: LogParseOptions) {
        self.layout = layout
        resolver = TimeResolver(options: options)
        durationUnit = layout.column(.duration).map { Self.unit(ofDurationNamed: layout.header[$0]) } ?? 1_000
        let names = layout.header.map(ColumnRole.normalized)
        statusColumn = names.firstIndex { ["status", "statuscode", "spanstatus", "otelstatuscode"].contains($0) }
        errorColumn = names.firstIndex { ["error", "iserror", "haserror"].contains($0) }
    }

    /// The span of one row whose fields match the header, or the error naming the cell it lacks.
    mutating func span(fields: [String], raw: Bytes, line: Int) -> Result<TraceSpan, ParseError> {
        func cell(_ role: ColumnRole) -> String { layout.column(role).map { fields[$0] } ?? "" }
        let traceID = cell(.trace).lowercased()
        let spanID = cell(.span).lowercased()
        guard !traceID.isEmpty else { return .failure(.tableSpanCell(line: line, column: name(.trace), text: traceID)) }
        guard !spanID.isEmpty else { return .failure(.tableSpanCell(line: line, column: name(.span), text: spanID)) }
        guard let start = time(cell(.start)) else {
            return .failure(.tableSpanCell(line: line, column: name(.start), text: cell(.start)))
        }
        var duration: Int64 = 0
        if let end = time(cell(.end)) {
            duration = max(0, end.nanoseconds &- start.nanoseconds)
        } else if let amount = Double(cell(.duration)), amount.isFinite, amount >= 0 {
            duration = Int64(min(amount * Double(durationUnit), Double(Int64.max / 2)))
        }
        let parent = cell(.parent).lowercased()
        let pod = cell(.pod)
        var service = cell(.service)
        if service.isEmpty, !pod.isEmpty { service = KubernetesPodName.workload(of: pod) }
        var host = cell(.host)
        if host.isEmpty { host = pod }
        var attributes = AttributesWriter()
        let order = layout.header.indices.sorted { layout.header[$0] < layout.header[$1] }
        for index in order where index < fields.count && !fields[index].isEmpty && !layout.hasRole(index) {
            attributes.appendText(key: layout.header[index], value: fields[index])
        }
        return .success(TraceSpan(
            traceID: traceID, spanID: spanID, parentSpanID: Self.isRootMarker(parent) ? nil : parent,
            service: service.isEmpty ? "unknown" : service, operation: cell(.operation), start: start,
            duration: duration, status: status(fields), host: host.isEmpty ? nil : host,
            attributesJSON: attributes.text(), raw: Array(raw)))
    }

    private func name(_ role: ColumnRole) -> String {
        layout.column(role).map { layout.header[$0] } ?? role.rawValue
    }

    private mutating func time(_ text: String) -> Timestamp? {
        guard !text.isEmpty, let (written, _) = TableTimeCell.read(text) else { return nil }
        return resolver.resolve(written)?.0
    }

    private func status(_ fields: [String]) -> SpanStatus {
        if let index = statusColumn {
            let value = fields[index].lowercased()
            if value.contains("error") || value == "2" { return .error }
            if value == "ok" || value.contains("status_code_ok") || value == "1" { return .ok }
        }
        if let index = errorColumn, ["true", "1", "yes"].contains(fields[index].lowercased()) { return .error }
        return .unset
    }

    /// Whether a parent cell names no span: empty, all zeros, or not hex.
    static func isRootMarker(_ text: String) -> Bool {
        guard !text.isEmpty else { return true }
        var allZero = true
        for byte in text.utf8 {
            let isHex = ASCII.isDigit(byte) || (byte >= 97 && byte <= 102)
            guard isHex else { return true }
            if byte != 48 { allZero = false }
        }
        return allZero
    }

    /// Nanoseconds per unit of a duration column, from its name's ending.
    static func unit(ofDurationNamed name: String) -> Int64 {
        let key = String(ColumnRole.normalized(name).filter { $0.isLetter || $0.isNumber })
        if name.hasSuffix("(s)") { return 1_000_000_000 }
        if key.hasSuffix("ms") || key.hasSuffix("millis") || key.hasSuffix("milliseconds") { return 1_000_000 }
        if key.hasSuffix("ns") || key.hasSuffix("nano") || key.hasSuffix("nanos") || key.hasSuffix("nanoseconds") { return 1 }
        if key.hasSuffix("us") || key.hasSuffix("µs") || key.hasSuffix("micros") || key.hasSuffix("microseconds") { return 1_000 }
        if key.hasSuffix("seconds") || key.hasSuffix("sec") || key.hasSuffix("secs") { return 1_000_000_000 }
        return 1_000
    }
}
