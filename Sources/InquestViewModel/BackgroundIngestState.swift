import InquestCore

/// The ingest of the files the canvas was opened on (`inquest FILE...`), running beside it,
/// as the status line shows it: where it is, how much it stored, how fast, and how it ended.
public struct BackgroundIngestState: Sendable, Hashable {
    /// What the ingest is doing.
    public enum Phase: Sendable, Hashable {
        /// Reading and storing the files.
        case reading
        /// Every file is stored; the full-text index is being completed.
        case indexing
        /// Done: every file is stored and indexed.
        case finished
        /// Stopped by an error (the message); what was stored stays.
        case failed(String)
    }

    /// The files, as given.
    public var paths: [String]
    /// Index in ``paths`` of the file being read.
    public var fileIndex: Int
    /// The last progress report of that file (nil before its first stored batch).
    public var current: IngestProgress?
    /// Events stored by this ingest so far, over every file.
    public var eventsStored: Int
    /// Seconds since the ingest started.
    public var elapsedSeconds: Double
    public var phase: Phase

    public init(
        paths: [String], fileIndex: Int = 0, current: IngestProgress? = nil, eventsStored: Int = 0,
        elapsedSeconds: Double = 0, phase: Phase = .reading
    ) {
        self.paths = paths
        self.fileIndex = fileIndex
        self.current = current
        self.eventsStored = eventsStored
        self.elapsedSeconds = elapsedSeconds
        self.phase = phase
    }

    /// Events stored per second so far (nil in the first tenth of a second).
    public var eventsPerSecond: Double? {
        elapsedSeconds >= 0.1 ? Double(eventsStored) / elapsedSeconds : nil
    }

    /// Whether it still runs.
    public var isRunning: Bool {
        switch phase {
        case .reading, .indexing: true
        case .finished, .failed: false
        }
    }
}
