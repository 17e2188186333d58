import InquestCore
import Testing
@testable import InquestWatch

@Suite struct MetricsExpositionTests {
    @Test func rendersEveryFamilyWithEscapedLabels() {
        let health = [
            FeedHealth(feed: "app \"prod\"\\1", kind: "file", state: .running, owner: "h:1:a", lag: 2048, lagUnit: "bytes",
                       eventsPerSecond: 12.5, eventsTotal: 100, errorCount: 2, deadLetterCount: 3, circuit: "closed",
                       updatedAt: Timestamp(nanoseconds: 0)),
            FeedHealth(feed: "node", kind: "prometheus-scrape", state: .circuitOpen, owner: "h:1:a", errorCount: 7,
                       circuit: "open", updatedAt: Timestamp(nanoseconds: 0)),
        ]
        let text = MetricsExposition.render(health)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.contains(#"inquest_feed_events_total{feed="app \"prod\"\\1",kind="file"} 100"#))
        #expect(lines.contains(#"inquest_feed_errors_total{feed="node",kind="prometheus-scrape"} 7"#))
        #expect(lines.contains(#"inquest_feed_dead_letters_total{feed="app \"prod\"\\1",kind="file"} 3"#))
        #expect(lines.contains(#"inquest_feed_lag{feed="app \"prod\"\\1",kind="file",unit="bytes"} 2048"#))
        #expect(lines.contains(#"inquest_feed_up{feed="app \"prod\"\\1",kind="file"} 1"#))
        #expect(lines.contains(#"inquest_feed_up{feed="node",kind="prometheus-scrape"} 0"#))
        #expect(lines.contains(#"inquest_feed_circuit_state{feed="node",kind="prometheus-scrape"} 2"#))
        #expect(lines.contains(#"inquest_feed_events_per_second{feed="app \"prod\"\\1",kind="file"} 12.5"#))
        #expect(lines.contains("# TYPE inquest_feed_events_total counter"))
        #expect(lines.contains("# TYPE inquest_feed_lag gauge"))
        // No lag sample for a feed that reported none.
        #expect(!text.contains(#"inquest_feed_lag{feed="node""#))
        #expect(text.hasSuffix("\n"))
    }
}
