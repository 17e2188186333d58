import InquestCore
import InquestParsers
import InquestStore

/// What a parsing thread hands to the store's writer: one batch of a file, in file order.
struct PendingBatch: Sendable {
    /// The batch's events, flattened by the parsing thread (see ``EncodedEvents``).
    var events: EncodedEvents
    var failures: [RecordFailure]
    var physicalLines: Int
    /// Of `physicalLines`, blank lines and lines joined to the record before (see ``ParseOutput``).
    var blankLines: Int
    var continuationLines: Int
    /// The offset just past the bytes parsed for this batch.
    var endOffset: Int64
    /// Lines of the file up to `endOffset`.
    var totalLines: Int
    /// Each event's message masked for the template miner (``MessageMasker/masked(_:)``), done here on the
    /// parsing thread so the one miner on the writer's side only looks it up by its hash; empty
    /// when templates are not mined (``IngestOptions/mineTemplates``).
    var maskedMessages: MaskedMessages
    /// The last batch of a segment (see ``SegmentedParsingProducer``).
    var endsSegment = false
    /// Where a parser restarts to produce exactly the records after this batch's (the parser's
    /// ``LogStreamParser/resumePoint``, line counted from the file's start), so the file's
    /// checkpoint can resume there; nil when the producer did not say.
    var resumePoint: (offset: Int64, line: Int)?

    /// Takes what `output` holds (leaving it empty): names the service where records named none,
    /// and flattens the events here, on the parsing thread, so the store's writer only binds and
    /// steps (the parsed events are freed here too).
    init(taking output: inout ParseOutput, defaultService: String?, maskMessages: Bool, endOffset: Int64, totalLines: Int) {
        output.events.fillMissingService(with: defaultService)
        maskedMessages = maskMessages ? MaskedMessages(masking: output.events.lazy.map(\.message)) : MaskedMessages()
        events = EncodedEvents(output.events)
        failures = output.failures
        physicalLines = output.physicalLines
        blankLines = output.blankLines
        continuationLines = output.continuationLines
        self.endOffset = endOffset
        self.totalLines = totalLines
        output = ParseOutput()
    }

    /// Whether there is nothing to store or count.
    var isEmpty: Bool { events.isEmpty && failures.isEmpty && physicalLines == 0 }
}
