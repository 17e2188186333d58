import InquestCore
import InquestParsers
import InquestStore

extension EventBatch {
    /// What one parsed stretch of the input at `path` stores: its events, its failures as dead
    /// letters located in `path` (`path:line`), and the position to resume from.
    public init(parsed events: EncodedEvents, failures: [RecordFailure], path: String, checkpoint: Checkpoint?) {
        let deadLetters = failures.map { failure in
            DeadLetter(source: path, location: failure.location(in: path), reason: failure.reason, raw: failure.raw)
        }
        self.init(events: events, deadLetters: deadLetters, checkpoint: checkpoint)
    }
}

extension EventBatch {
    /// Takes what `output` holds (leaving it empty): names the service where records named none,
    /// flattens the events on the calling thread, and keeps the failures as dead letters in `path`.
    public init(taking output: inout ParseOutput, defaultService: String?, path: String, checkpoint: Checkpoint?) {
        output.events.fillMissingService(with: defaultService)
        self.init(parsed: EncodedEvents(output.events), failures: output.failures, path: path, checkpoint: checkpoint)
        output = ParseOutput()
    }
}
