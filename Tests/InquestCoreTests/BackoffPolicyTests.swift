import Testing
import InquestCore

@Suite struct BackoffPolicyTests {
    @Test func ceilingDoublesPerAttemptUntilTheCap() {
        let policy = BackoffPolicy(base: .milliseconds(100), cap: .seconds(1))
        #expect(policy.ceiling(attempt: 0) == .milliseconds(100))
        #expect(policy.ceiling(attempt: 1) == .milliseconds(200))
        #expect(policy.ceiling(attempt: 3) == .milliseconds(800))
        #expect(policy.ceiling(attempt: 4) == .seconds(1))
        #expect(policy.ceiling(attempt: 500) == .seconds(1))
    }

    @Test func delaysAreFullJitterWithinTheCeiling() {
        let policy = BackoffPolicy(base: .milliseconds(100), cap: .seconds(10))
        var random = SeededRandom(seed: 42)
        var delays: Set<Duration> = []
        for attempt in 0..<6 {
            for _ in 0..<50 {
                let delay = policy.delay(attempt: attempt, using: &random)
                #expect(delay >= .zero && delay <= policy.ceiling(attempt: attempt))
                delays.insert(delay)
            }
        }
        // Jitter: not a fixed schedule.
        #expect(delays.count > 200)
    }

    @Test func sameSeedGivesTheSameDelays() {
        let policy = BackoffPolicy()
        var first = SeededRandom(seed: 7)
        var second = SeededRandom(seed: 7)
        let a = (0..<10).map { policy.delay(attempt: $0, using: &first) }
        let b = (0..<10).map { policy.delay(attempt: $0, using: &second) }
        #expect(a == b)
    }
}
