/// What an ingest did, per file and in total.
public struct IngestSummary: Sendable {
    public struct FileResult: Sendable {
        public var path: String
        public var format: String
        public var bytes: Int64
        public var physicalLines: Int
        public var stored: Int
        public var duplicates: Int
        public var deadLettered: Int
        /// Dead-letter reasons with their count and the first location seen.
        public var failureReasons: [FailureReason]
        /// Metric samples newly stored compactly (metric documents).
        public var samplesStored: Int = 0
        /// Spans newly stored compactly (trace documents).
        public var spansStored: Int = 0
        /// Blank lines between records (log files), skipped but counted.
        public var blankLines: Int = 0
        /// Lines joined to the record before them (multi-line JSON objects, stack traces).
        public var continuationLines: Int = 0
        /// Lines before where this ingest went on: an earlier ingest of the same file stored them
        /// (see `FileResumePoint`); the other counts are of the lines after them.
        public var resumedAfterLines: Int = 0

        /// Creates the result of one input (a file, a repository, a pulled query).
        public init(
            path: String, format: String, bytes: Int64, physicalLines: Int, stored: Int, duplicates: Int,
            deadLettered: Int, failureReasons: [FailureReason], samplesStored: Int = 0, spansStored: Int = 0
        ) {
            self.path = path
            self.format = format
            self.bytes = bytes
            self.physicalLines = physicalLines
            self.stored = stored
            self.duplicates = duplicates
            self.deadLettered = deadLettered
            self.failureReasons = failureReasons
            self.samplesStored = samplesStored
            self.spansStored = spansStored
        }
    }

    public struct FailureReason: Sendable {
        public var reason: String
        public var count: Int
        public var firstLocation: String
    }

    public var files: [FileResult] = []

    public init() {}
    /// Seconds until every event was committed (browsable).
    public var storeSeconds: Double = 0
    /// Seconds until the full-text index was complete (includes `storeSeconds`).
    public var fullTextSeconds: Double = 0
    /// CPU time of each stage of a log-file ingest (see ``StageCPUSeconds``).
    public var cpuSeconds = StageCPUSeconds()

    /// CPU seconds (user and system) of the threads of a log-file ingest: parsing (on one thread,
    /// or several for a large file) and storing run side by side, so storing ends no sooner than
    /// the writer's CPU, nor than both stages' CPU spread over the cores.
    public struct StageCPUSeconds: Sendable {
        /// The parsing threads together: reading, parsing, flattening and compressing raw records.
        public var parsing: Double = 0
        /// The store's writer while it stored the files' batches.
        public var storing: Double = 0
        /// The full-text indexing thread.
        public var fullText: Double = 0

        public init() {}
    }

    public var stored: Int { files.reduce(0) { $0 + $1.stored } }
    public var duplicates: Int { files.reduce(0) { $0 + $1.duplicates } }
    public var deadLettered: Int { files.reduce(0) { $0 + $1.deadLettered } }
    public var samplesStored: Int { files.reduce(0) { $0 + $1.samplesStored } }
    public var spansStored: Int { files.reduce(0) { $0 + $1.spansStored } }
    public var physicalLines: Int { files.reduce(0) { $0 + $1.physicalLines } }
    public var blankLines: Int { files.reduce(0) { $0 + $1.blankLines } }
    public var bytes: Int64 { files.reduce(0) { $0 + $1.bytes } }
}
