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
/// A surprise below ``minimum`` is no finding (a count within half an event of its due).
enum CountSurprise {
    static let minimum = 0.5

    /// For a rise (0 when `observed <= expected` or the surprise is below ``minimum``).
    static func rise(observed: Double, expected: Double) -> Double {
        guard observed > expected, expected > 0 else { return 0 }
        let surprise = observed * log(observed / expected) - (observed - expected)
        return surprise >= minimum ? surprise : 0
    }

    /// For a fall (0 when `observed >= expected` or the surprise is below ``minimum``).
    static func fall(observed: Double, expected: Double) -> Double {
        guard observed < expected, expected > 0 else { return 0 }
        let term = observed > 0 ? observed * log(observed / expected) : 0
        let surprise = expected - observed + term
        return surprise >= minimum ? surprise : 0
    }
}
