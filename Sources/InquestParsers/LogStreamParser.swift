import InquestCore

/// Parses a byte stream of one format into events, fed in chunks of any size and split.
///
/// Lines end with `\n`; a `\r` before it is dropped. Blank lines are counted but produce nothing
/// (inside a multi-line JSON object they stay part of the record). JSON objects that do not close
/// on their line are joined with the following lines (up to ``maxRecordLines``); log4j lines that
/// do not start with a time are folded into the record before them. A record's `raw` is its
/// physical lines joined with `\n`; its dedupe key hashes the source identity, `raw` and the
/// record's start offset, so re-reading a file yields the same keys.
///
/// Plain, log4j and logfmt streams hold back their first records (up to
/// ``RecordLayoutLearner/recordLimit`` records or ``RecordLayoutLearner/byteLimit`` bytes) until
/// the file's ``RecordLayout`` is learned from them, then parse every record with it. Records
/// before the first one with a time get that record's time (`.missing`). W3C directive lines
/// (`#Fields:` …) are counted as ``ParseOutput/headerLines``, not parsed; `#Fields:` sets the
/// columns of the lines after it (``W3CFields``).
public struct LogStreamParser: Sendable {
    /// A JSON object still open after this many lines is reported as a failure; a log4j record
    /// stops folding continuation lines after this many (the next line starts a new record).
    public static let maxRecordLines = 10_000
    /// A physical line longer than this is not parsed, and is never held whole: it is kept, as
    /// failures, in pieces of this size (``ParseError/lineTooLong(maximumBytes:piece:)``), so
    /// memory stays bounded whatever the input (a binary file, a huge one-line dump) and nothing
    /// is lost. A multi-line record stops growing before it passes this size too (the next line
    /// then starts a new record). No log record needs more; SQLite refuses values over 1 GB.
    public static let maxLineBytes = 16 << 20

    /// The format every record is parsed as.
    public let format: LogFormat
    /// The stream's source names, zone and year assumptions.
    public let options: LogParseOptions
    private var finisher: EventFinisher
    private var json = JSONRecordParser()
    /// Bytes of an unfinished line from earlier `feed` calls.
    private var carry: [UInt8] = []
    private var spare: [UInt8] = []
    private var carryOffset: Int64 = 0
    /// Offset of the next byte `feed` will receive.
    private var streamOffset: Int64 = 0
    private var lineNumber = 0
    private var pending = PendingRecord()
    /// Pieces already kept of the line being cut (0 when none is), and that line's number.
    private var overlongPieces = 0
    private var overlongLine = 0
    /// The file's layout, once learned from the held records.
    private var layout = RecordLayout.unknown
    private var held: HeldRecords
    /// The columns of the last `#Fields:` directive.
    private var w3cFields: W3CFields?

    /// A parser for a stream read from its beginning.
    public init(format: LogFormat, options: LogParseOptions) {
        self.init(format: format, options: options, startOffset: 0, startLine: 0)
    }

    /// A parser that starts in the middle of a stream, so a file can be parsed in chunks on
    /// several cores (split with ``recordStart(in:from:format:)``): `startOffset` is the byte
    /// offset of the first byte fed and `startLine` the number of lines before it. Offsets, line
    /// numbers and dedupe keys then equal those of one parser over the whole stream; only a
    /// time-less first record differs (it cannot inherit the time of the chunk before).
    public init(format: LogFormat, options: LogParseOptions, startOffset: Int64, startLine: Int) {
        self.format = format
        self.options = options
        finisher = EventFinisher(options: options)
        held = HeldRecords(learning: format == .plain || format == .log4j || format == .logfmt)
        streamOffset = startOffset
        lineNumber = startLine
    }

    /// The index of the first line start at or after `index` in `bytes` where a new record of
    /// `format` begins (a line starting with `{` for JSON, a line starting with a time for log4j,
    /// any line otherwise), or nil when there is none. Splitting there keeps records whole.
    public static func recordStart(in bytes: UnsafeRawBufferPointer, from index: Int, format: LogFormat) -> Int? {
        guard let raw = bytes.baseAddress, index < bytes.count else { return nil }
        let b = Bytes(start: raw.assumingMemoryBound(to: UInt8.self), count: bytes.count)
        var start = index
        if start > 0, b[start - 1] != ASCII.newline {
            guard let newline = b.firstIndex(of: ASCII.newline, from: start, to: b.count) else { return nil }
            start = newline + 1
        }
        while start < b.count {
            let end = b.firstIndex(of: ASCII.newline, from: start, to: b.count) ?? b.count
            switch format {
            case .json:
                if b[start] == ASCII.openBrace { return start }
            case .log4j:
                var lineEnd = end
                if lineEnd > start, b[lineEnd - 1] == ASCII.carriageReturn { lineEnd -= 1 }
                if Log4jParser.header(b.slice(start, lineEnd), lineEnd - start) != nil { return start }
            case .logfmt, .syslog, .access, .plain:
                return start
            }
            start = end + 1
        }
        return nil
    }

    /// Feed the next bytes of the stream (any split, even mid-line or mid-CRLF); complete records are appended to `output`.
    public mutating func feed(_ bytes: UnsafeRawBufferPointer, into output: inout ParseOutput) {
        guard let raw = bytes.baseAddress, bytes.count > 0 else { return }
        let b = Bytes(start: raw.assumingMemoryBound(to: UInt8.self), count: bytes.count)
        let baseOffset = streamOffset
        streamOffset += Int64(b.count)
        var start = 0
        if !carry.isEmpty {
            guard let newline = b.firstIndex(of: ASCII.newline, from: 0, to: b.count) else {
                carry.append(contentsOf: b)
                keepFullPiecesOfCarry(into: &output)
                return
            }
            carry.append(contentsOf: b.slice(0, newline))
            keepFullPiecesOfCarry(into: &output)
            swap(&carry, &spare)
            spare.withUnsafeBufferPointer { physicalLine($0, offset: carryOffset, into: &output) }
            spare.removeAll(keepingCapacity: spare.capacity <= 1 << 20)
            start = newline + 1
        }
        while start < b.count {
            guard let newline = b.firstIndex(of: ASCII.newline, from: start, to: b.count) else {
                carryOffset = baseOffset + Int64(start)
                carry.append(contentsOf: b.slice(start, b.count))
                keepFullPiecesOfCarry(into: &output)
                break
            }
            physicalLine(b.slice(start, newline), offset: baseOffset + Int64(start), into: &output)
            start = newline + 1
        }
    }

    /// A complete physical line: parsed, or kept in pieces when it is too long (or is the end of
    /// a line already being cut).
    private mutating func physicalLine(_ b: Bytes, offset: Int64, into output: inout ParseOutput) {
        guard overlongPieces > 0 || b.count > Self.maxLineBytes else {
            line(b, offset: offset, into: &output)
            return
        }
        var start = 0
        while b.count - start > Self.maxLineBytes {
            keepPiece(b.slice(start, start + Self.maxLineBytes), offset: offset + Int64(start), into: &output)
            start += Self.maxLineBytes
        }
        var end = b.count
        if end > start, b[end - 1] == ASCII.carriageReturn { end -= 1 }
        if end > start { keepPiece(b.slice(start, end), offset: offset + Int64(start), into: &output) }
        overlongPieces = 0
    }

    /// Keeps the carried start of an unfinished line in pieces while it is longer than the limit,
    /// so a line without end never grows the carry past it.
    private mutating func keepFullPiecesOfCarry(into output: inout ParseOutput) {
        guard carry.count > Self.maxLineBytes else { return }
        var held: [UInt8] = []
        swap(&held, &carry)
        var kept = 0
        held.withUnsafeBufferPointer { all in
            while all.count - kept > Self.maxLineBytes {
                keepPiece(all.slice(kept, kept + Self.maxLineBytes), offset: carryOffset + Int64(kept), into: &output)
                kept += Self.maxLineBytes
            }
        }
        held.removeFirst(kept)
        swap(&held, &carry)
        carryOffset += Int64(kept)
    }

    /// One piece of a line too long to parse, kept as a failure; the first piece counts the line
    /// and ends any record held open (the long line cannot continue it).
    private mutating func keepPiece(_ piece: Bytes, offset: Int64, into output: inout ParseOutput) {
        if overlongPieces == 0 {
            flushPending(into: &output)
            lineNumber += 1
            output.physicalLines += 1
            overlongLine = lineNumber
        }
        overlongPieces += 1
        output.append(RecordFailure(
            line: overlongLine, offset: offset,
            error: .lineTooLong(maximumBytes: Self.maxLineBytes, piece: overlongPieces), raw: Array(piece)))
    }

    /// End of stream: flush the pending (possibly multi-line) record.
    public mutating func finish(into output: inout ParseOutput) {
        if !carry.isEmpty {
            swap(&carry, &spare)
            spare.withUnsafeBufferPointer { physicalLine($0, offset: carryOffset, into: &output) }
            spare.removeAll()
        }
        overlongPieces = 0
        flushPending(into: &output)
        releaseHeld(into: &output)
    }

    /// Where a parser must restart (with ``init(format:options:startOffset:startLine:)``) to
    /// produce exactly the records this one has not emitted yet: the start of the record it holds
    /// (an open multi-line JSON object or log4j record), else of the unfinished line it carries,
    /// else the end of what it was fed. `line` is the number of lines before `offset`.
    ///
    /// A follower checkpoints this, not the bytes read, so a restart neither skips nor repeats a record.
    public var resumePoint: (offset: Int64, line: Int) {
        if let first = held.first { return (first.offset, first.line - 1) }
        if pending.isActive { return (pending.offset, pending.firstLine - 1) }
        // The rest of a line being cut in pieces restarts as a line of its own, with its number.
        if !carry.isEmpty { return (carryOffset, overlongPieces > 0 ? lineNumber - 1 : lineNumber) }
        return (streamOffset, lineNumber)
    }

    /// Whether a record is held waiting for more lines (a log4j record that may get continuation
    /// lines, an open JSON object), with no unfinished line after it.
    public var isHoldingRecord: Bool { (pending.isActive || !held.isEmpty) && carry.isEmpty }

    /// Emits the held record as it is, when nothing unfinished follows it (a followed file that
    /// stayed quiet: its last log4j record is taken as complete). Later lines start new records.
    public mutating func flushHeldRecord(into output: inout ParseOutput) {
        guard carry.isEmpty else { return }
        flushPending(into: &output)
        releaseHeld(into: &output)
    }

    /// Ends layout learning now: learns the layout from the records held so far and emits them.
    /// A follower calls this after each read, so records are stored as they arrive (its layout is
    /// then learned from what the first read held, not from a fixed number of records).
    public mutating func endLayoutLearning(into output: inout ParseOutput) {
        releaseHeld(into: &output)
    }

    // MARK: - Lines

    private mutating func line(_ physical: Bytes, offset: Int64, into output: inout ParseOutput) {
        lineNumber += 1
        output.physicalLines += 1
        var b = physical
        if let last = b.last, last == ASCII.carriageReturn { b = b.slice(0, b.count - 1) }
        if format == .plain || format == .log4j, W3CFields.isDirective(b) {
            directive(b, into: &output)
            return
        }
        switch format {
        case .json: jsonLine(b, offset: offset, into: &output)
        case .log4j: log4jLine(b, offset: offset, into: &output)
        case .logfmt, .syslog, .access, .plain:
            guard !b.isBlank else {
                output.blankLines += 1
                return
            }
            single(b, offset: offset, into: &output)
        }
    }

    private mutating func single(_ b: Bytes, offset: Int64, into output: inout ParseOutput) {
        switch format {
        case .logfmt: record(b, line: lineNumber, offset: offset, hasHeader: false, into: &output)
        case .syslog: emit(SyslogParser.parse(b), b, line: lineNumber, offset: offset, into: &output)
        case .access: emit(AccessLogParser.parse(b), b, line: lineNumber, offset: offset, into: &output)
        case .plain: record(b, line: lineNumber, offset: offset, hasHeader: false, into: &output)
        case .json, .log4j: output.append(finisher.event(from: PlainParser.parse(b, layout: layout), raw: b, offset: offset))
        }
    }

    /// A W3C directive line: not a record. `#Fields:` sets the columns of the following lines;
    /// records held before it are parsed first, with the columns they were written under.
    private mutating func directive(_ b: Bytes, into output: inout ParseOutput) {
        flushPending(into: &output)
        if !held.isEmpty { releaseHeld(into: &output) }
        output.headerLines += 1
        if let fields = W3CFields(directive: b) { w3cFields = fields }
    }

    /// A complete plain, logfmt or log4j record: held while the layout is learned, else parsed.
    private mutating func record(_ b: Bytes, line: Int, offset: Int64, hasHeader: Bool, into output: inout ParseOutput) {
        if held.isLearning {
            if held.hold(b, line: line, offset: offset, hasHeader: hasHeader) { releaseHeld(into: &output) }
            return
        }
        emit(draft(b, hasHeader: hasHeader), b, line: line, offset: offset, into: &output)
    }

    /// Learns the layout from the held records and parses them with it; records before the first
    /// time get that time.
    private mutating func releaseHeld(into output: inout ParseOutput) {
        guard held.isLearning || !held.isEmpty else { return }
        let (learned, records) = held.release()
        layout = learned
        var drafts: [Result<EventDraft, ParseError>] = []
        drafts.reserveCapacity(records.count)
        for record in records {
            let result = record.bytes.withUnsafeBufferPointer { draft($0, hasHeader: record.hasHeader) }
            if case .success(let parsed) = result, let time = parsed.time { finisher.inheritBeforeFirstTime(time) }
            drafts.append(result)
        }
        for (record, result) in zip(records, drafts) {
            record.bytes.withUnsafeBufferPointer { emit(result, $0, line: record.line, offset: record.offset, into: &output) }
        }
    }

    /// The draft of one record under the learned layout.
    private func draft(_ b: Bytes, hasHeader: Bool) -> Result<EventDraft, ParseError> {
        if let w3cFields, format != .logfmt { return .success(w3cFields.parse(b, layout: layout)) }
        switch format {
        case .logfmt:
            guard case .success(var parsed) = LogfmtParser.parse(b) else { return LogfmtParser.parse(b) }
            if parsed.time == nil, let found = layout.findTime(b, b.count) {
                parsed.time = found.time
                parsed.timestampText = b.string(found.start, found.end)
            }
            return .success(parsed)
        case .log4j: return .success(hasHeader ? Log4jParser.parse(b, layout: layout) : PlainParser.parse(b, layout: layout))
        case .plain, .json, .syslog, .access: return .success(PlainParser.parse(b, layout: layout))
        }
    }

    private mutating func jsonLine(_ b: Bytes, offset: Int64, into output: inout ParseOutput) {
        if pending.isActive {
            // A complete object at the start of a line means the open record was truncated:
            // report it instead of swallowing the lines that follow.
            if let first = b.first, first == ASCII.openBrace, case .success(let draft)? = scanJSON(b) {
                let record = pending
                pending.reset()
                record.bytes.withUnsafeBufferPointer { bytes in
                    emit(.failure(.jsonUnterminatedObject(lines: record.lineCount)), bytes, line: record.firstLine,
                         offset: record.offset, into: &output)
                }
                appendJSON(finisher.event(from: draft, raw: b, offset: offset), b, line: lineNumber, offset: offset, into: &output)
                return
            }
            if pending.bytes.count + b.count >= Self.maxLineBytes {
                // The record would pass the size limit: report it as it is, and read this line afresh.
                flushPending(into: &output)
                jsonLine(b, offset: offset, into: &output)
                return
            }
            pending.append(b)
            output.continuationLines += 1
            pending.tracker.feed(b)
            if pending.tracker.isClosed || pending.lineCount >= Self.maxRecordLines { flushPending(into: &output) }
            return
        }
        guard !b.isBlank else {
            output.blankLines += 1
            return
        }
        do throws(JSONRecordParser.Stop) {
            try json.scan(b)
            appendJSON(finisher.event(from: json.draft(b), raw: b, offset: offset), b, line: lineNumber, offset: offset, into: &output)
        } catch {
            switch error {
            case .incomplete:
                pending.start(b, lineNumber: lineNumber, offset: offset)
                pending.tracker.feed(b)
            case .invalid(let failure):
                emit(.failure(failure), b, line: lineNumber, offset: offset, into: &output)
            }
        }
    }

    /// The draft or failure of a JSON record; nil when the object is still open at the end.
    private mutating func scanJSON(_ b: Bytes) -> Result<EventDraft, ParseError>? {
        do throws(JSONRecordParser.Stop) {
            try json.scan(b)
            return .success(json.draft(b))
        } catch {
            switch error {
            case .incomplete: return nil
            case .invalid(let failure): return .failure(failure)
            }
        }
    }

    private mutating func log4jLine(_ b: Bytes, offset: Int64, into output: inout ParseOutput) {
        guard !b.isBlank else {
            output.blankLines += 1
            return
        }
        if Log4jParser.header(b, b.count) != nil {
            flushPending(into: &output)
            pending.start(b, lineNumber: lineNumber, offset: offset)
            pending.hasHeader = true
        } else if pending.isActive, pending.lineCount < Self.maxRecordLines, pending.bytes.count + b.count < Self.maxLineBytes {
            pending.append(b)
            output.continuationLines += 1
        } else {
            flushPending(into: &output)
            pending.start(b, lineNumber: lineNumber, offset: offset)
        }
    }

    private mutating func flushPending(into output: inout ParseOutput) {
        guard pending.isActive else { return }
        var record = PendingRecord()
        swap(&record, &pending)
        record.bytes.withUnsafeBufferPointer { buffer in
            let b = buffer
            switch format {
            case .json:
                let result = scanJSON(b) ?? .failure(.jsonUnterminatedObject(lines: record.lineCount))
                emit(result, b, line: record.firstLine, offset: record.offset, into: &output)
            case .log4j:
                self.record(b, line: record.firstLine, offset: record.offset, hasHeader: record.hasHeader, into: &output)
            case .logfmt, .syslog, .access, .plain:
                break
            }
        }
        record.reset()
        swap(&record, &pending)
        pending.isActive = false
    }

    private mutating func emit(_ result: consuming Result<EventDraft, ParseError>, _ b: Bytes, line: Int, offset: Int64,
                               into output: inout ParseOutput) {
        switch consume result {
        case .success(let draft):
            let event = finisher.event(from: draft, raw: b, offset: offset)
            if format == .json {
                appendJSON(event, b, line: line, offset: offset, into: &output)
            } else {
                output.append(event)
            }
        case .failure(let error):
            output.append(RecordFailure(line: line, offset: offset, error: error, raw: Array(b)))
        }
    }

    /// A JSON record's event, or its failure when its attributes nest deeper than the store keeps
    /// (JSON copies nested values as they are; the other formats write flat attributes).
    private func appendJSON(_ event: consuming Event, _ b: Bytes, line: Int, offset: Int64, into output: inout ParseOutput) {
        let depth = AttributesNesting.depth(of: event.attributesJSON.utf8)
        guard depth <= AttributesNesting.maximumDepth else {
            let error = ParseError.attributesTooDeep(depth: depth, maximum: AttributesNesting.maximumDepth)
            output.append(RecordFailure(line: line, offset: offset, error: error, raw: Array(b)))
            return
        }
        output.append(event)
    }
}
