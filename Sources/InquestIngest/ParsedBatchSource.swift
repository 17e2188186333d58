/// The parsing side of a file ingest, seen from the store's writer: batches in file order.
protocol ParsedBatchSource: AnyObject {
    /// Starts the parsing thread(s).
    func start()
    /// The next batch in file order; nil at the end of the file, or when parsing stopped early
    /// (see ``readFailure``).
    func receive() -> PendingBatch?
    /// The writer gives up (the store failed): stops the parsing threads.
    func cancel()
    /// Waits until every parsing thread has ended.
    func waitUntilFinished()
    /// A read error that ended the file early; read it after ``waitUntilFinished()``.
    var readFailure: (any Error)? { get }
    /// CPU seconds of the parsing thread(s); read it after ``waitUntilFinished()``.
    var cpuSeconds: Double { get }
}
