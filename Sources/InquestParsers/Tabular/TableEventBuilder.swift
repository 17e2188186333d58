import InquestCore

/// Turns a table's rows into log events, one per row (see ``TableParser``).
///
/// The message cell is unwrapped when it holds a JSON object (a container runtime's
/// `{"log":"…","stream":"stdout","time":"…"}`): its members are read as a JSON log record
/// would be, and its message is then read as a log line (``PlainParser``) for a level and a
/// time. A plain message cell is read as a log line directly. The row's own columns win: its
/// time column (when the cell reads as a time; else the next time column that does), its level column, its service, host and ids.
/// A pod column gives the service its workload (``KubernetesPodName``) and the host the pod.
/// Every other non-empty cell is an attribute named after its column. Without a message
/// column the message is the row's attributes as `name=value` words.
struct TableEventBuilder {
    let layout: TableLayout
    private var finisher: EventFinisher
    private var json = JSONRecordParser()
    /// The header names as bytes, for attribute keys.
    private let keys: [[UInt8]]
    /// Per column, whether it fills an event field (else it is an attribute).
    private let fillsField: [Bool]
    /// The time column, then the other time columns, in the order a row's time is looked for.
    private let timeColumns: [Int]

    init(layout: TableLayout, options: LogParseOptions) {
        self.layout = layout
        finisher = EventFinisher(options: options)
        keys = layout.header.map { Array($0.utf8) }
        let read: [ColumnRole] = [.message, .time, .level, .pod, .service, .host, .trace, .span]
        let columns = Set(read.compactMap { layout.column($0) })
        fillsField = layout.header.indices.map(columns.contains)
        timeColumns = (layout.column(.time).map { [$0] } ?? []) + layout.alternateTimeColumns
    }

    /// The event of one row whose fields match the header; `raw` is the row as written.
    mutating func event(fields: [String], raw: Bytes, offset: Int64) -> Event {
        var draft = EventDraft()
        if let index = layout.column(.message), index < fields.count {
            draft = unwrap(fields[index])
        }
        for index in timeColumns {
            guard let (time, _) = TableTimeCell.read(fields[index]) else { continue }
            draft.time = time
            draft.timestampText = fields[index]
            break
        }
        if let index = layout.column(.level), !fields[index].isEmpty {
            var cell = fields[index]
            cell.withUTF8 { b in
                draft.severity = LevelWords.field(b, 0, b.count) ?? draft.severity
            }
            draft.levelText = cell
        }
        if let index = layout.column(.pod), !fields[index].isEmpty {
            draft.service = KubernetesPodName.workload(of: fields[index])
            draft.host = fields[index]
        }
        if let index = layout.column(.service), !fields[index].isEmpty { draft.service = fields[index] }
        if let index = layout.column(.host), !fields[index].isEmpty { draft.host = fields[index] }
        if let index = layout.column(.trace), !fields[index].isEmpty { draft.traceID = fields[index] }
        if let index = layout.column(.span), !fields[index].isEmpty { draft.spanID = fields[index] }
        var words: [String] = []
        let ownsMessage = layout.column(.message) != nil
        for index in fields.indices where index < keys.count && !fields[index].isEmpty && !fillsField[index] {
            var value = fields[index]
            value.withUTF8 { valueBytes in
                keys[index].withUnsafeBufferPointer { keyBytes in
                    draft.attributes.appendText(key: keyBytes, value: valueBytes)
                }
            }
            if !ownsMessage { words.append(layout.header[index] + "=" + fields[index]) }
        }
        if !ownsMessage { draft.message = words.joined(separator: " ") }
        return finisher.event(from: draft, raw: raw, offset: offset)
    }

    /// The draft of a message cell: a JSON object's members, or the cell read as a log line.
    private mutating func unwrap(_ cell: String) -> EventDraft {
        var cell = cell
        return cell.withUTF8 { b -> EventDraft in
            let start = b.skipSpaces(from: 0)
            guard start < b.count, b[start] == ASCII.openBrace else { return PlainParser.parse(b) }
            let object = b.slice(start, b.count)
            do throws(JSONRecordParser.Stop) {
                try json.scan(object)
            } catch {
                return PlainParser.parse(b)
            }
            var draft = json.draft(object)
            guard var message = draft.message else { return draft }
            let line = message.withUTF8 { PlainParser.parse($0) }
            if draft.severity == nil {
                draft.severity = line.severity
                draft.levelText = line.levelText
            }
            if draft.time == nil, let time = line.time {
                draft.time = time
                draft.timestampText = line.timestampText
            }
            draft.message = line.message
            return draft
        }
    }
}
