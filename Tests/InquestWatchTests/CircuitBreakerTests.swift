import Testing
@testable import InquestWatch

@Suite struct CircuitBreakerTests {
    let second: Int64 = 1_000_000_000

    @Test func opensAfterThresholdConsecutiveFailures() {
        var breaker = CircuitBreaker(failureThreshold: 3, coolDown: .seconds(10))
        breaker.recordFailure(now: 0)
        breaker.recordFailure(now: 1)
        #expect(breaker.state == .closed)
        #expect(breaker.decide(now: 2) == .run)
        breaker.recordFailure(now: 2)
        #expect(breaker.state == .open(until: 2 + 10 * second))
        #expect(breaker.decide(now: 3 * second) == .wait(nanoseconds: 2 + 7 * second))
    }

    @Test func aSuccessResetsTheCount() {
        var breaker = CircuitBreaker(failureThreshold: 2, coolDown: .seconds(1))
        breaker.recordFailure(now: 0)
        breaker.recordSuccess()
        breaker.recordFailure(now: 0)
        #expect(breaker.state == .closed)
        #expect(breaker.consecutiveFailures == 1)
    }

    @Test func halfOpenProbeClosesOnSuccess() {
        var breaker = CircuitBreaker(failureThreshold: 1, coolDown: .seconds(5))
        breaker.recordFailure(now: 0)
        #expect(breaker.decide(now: 5 * second) == .probe)
        #expect(breaker.state == .halfOpen)
        breaker.recordSuccess()
        #expect(breaker.state == .closed)
        #expect(breaker.decide(now: 5 * second) == .run)
    }

    @Test func failedProbeReopensForAnotherCoolDown() {
        var breaker = CircuitBreaker(failureThreshold: 3, coolDown: .seconds(5))
        for _ in 0..<3 { breaker.recordFailure(now: 0) }
        #expect(breaker.decide(now: 6 * second) == .probe)
        breaker.recordFailure(now: 6 * second)
        #expect(breaker.state == .open(until: 11 * second))
        #expect(breaker.state.gaugeValue == 2)
    }
}
