import Foundation

import InquestCore

/// What one signal found for one service: a raw score (comparable only within the signal) and
/// the evidence rows behind it, whose contributions are raw too until the analysis scales them.
struct ServiceSignal: Sendable {
    var score: Double = 0
    var evidence: [SuspectEvidence] = []

    /// Keeps the strongest finding as the score and every finding as evidence.
    mutating func add(_ row: SuspectEvidence) {
        score = max(score, row.contribution)
        evidence.append(row)
    }
}

/// Poisson surprise of counts: the deviance term of seeing `observed` where `expected` was
/// due. Grows with both the ratio and the count, so 0 → 20 outweighs 1 → 3.
enum CountSurprise {
    /// For a rise (0 when `observed <= expected`).
    static func rise(observed: Double, expected: Double) -> Double {
        guard observed > expected, expected > 0 else { return 0 }
        return observed * log(observed / expected) - (observed - expected)
    }

    /// For a fall (0 when `observed >= expected`).
    static func fall(observed: Double, expected: Double) -> Double {
        guard observed < expected, expected > 0 else { return 0 }
        let term = observed > 0 ? observed * log(observed / expected) : 0
        return expected - observed + term
    }
}
