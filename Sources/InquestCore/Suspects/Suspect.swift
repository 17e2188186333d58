/// A service ranked as a possible cause of an incident, with the evidence behind its rank
/// (`inquest suspects`, the canvas's suspects overlay).
public struct Suspect: Sendable, Hashable {
    /// The service (as events and spans name it).
    public var service: String
    /// The combined score: the sum of the evidence's contributions. Higher ranks first; only
    /// comparable between suspects of the same analysis.
    public var score: Double
    /// The evidence, strongest contribution first.
    public var evidence: [SuspectEvidence]

    public init(service: String, score: Double, evidence: [SuspectEvidence]) {
        self.service = service
        self.score = score
        self.evidence = evidence
    }
}
