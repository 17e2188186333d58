import Foundation
import InquestCore
import InquestIngest
import InquestParsers
import Testing
@testable import InquestWatch

@Suite struct WatchConfigTests {
    @Test func parsesEveryKindWithDefaultsAndLines() throws {
        let text = """
            store: /var/lib/inquest/inquest.db
            feeds:
              - name: app
                kind: file
                paths: ["/var/log/app/*.log", /var/log/other.log]
                format: json
                service: checkout
                poll: 250ms
              - name: repo
                kind: git
                repository: /srv/repo
                interval: 1m
              - name: junit
                kind: document
                paths: build/test-results/*.xml
                format: junit
              - name: node
                kind: prometheus-scrape
                url: http://127.0.0.1:9100/metrics
              - name: latency
                kind: prometheus-query
                url: http://127.0.0.1:9090
                query: rate(http_requests_total[5m])
                step: 30s
              - name: traces
                kind: otlp
                port: 4318
            """
        let config = try WatchConfig.parse(text, path: "watch.yaml")
        #expect(config.store == "/var/lib/inquest/inquest.db")
        #expect(config.feeds.map(\.name) == ["app", "repo", "junit", "node", "latency", "traces"])
        #expect(config.feeds.map(\.line) == [3, 9, 13, 17, 20, 25])
        guard case .files(let patterns, let settings) = config.feeds[0].target else { Issue.record("not files"); return }
        #expect(patterns == ["/var/log/app/*.log", "/var/log/other.log"])
        #expect(settings.format == .json)
        #expect(settings.service == "checkout")
        #expect(settings.pollInterval == .milliseconds(250))
        #expect(config.feeds[1].target == .git(repository: "/srv/repo", interval: .seconds(60)))
        #expect(config.feeds[2].target == .documents(patterns: ["build/test-results/*.xml"], kind: .junit, interval: .seconds(10)))
        #expect(config.feeds[4].target == .prometheusQuery(url: "http://127.0.0.1:9090", query: "rate(http_requests_total[5m])", step: .seconds(30), interval: .seconds(30)))
        #expect(config.feeds[5].target == .otlp(host: "127.0.0.1", port: 4318))
    }

    @Test(arguments: [
        ("feeds:\n  - name: a\n    kind: file\n    pahts: [x]\n", "watch.yaml:4: feeds[0]: unknown key \"pahts\""),
        ("feeds:\n  - name: a\n    kind: tail\n", "watch.yaml:3: feeds[0].kind: unknown kind \"tail\""),
        ("feeds:\n  - name: a\n    kind: file\n    paths: [x]\n    poll: soon\n", "watch.yaml:5: feeds[0].poll: expected a positive duration"),
        ("feeds:\n  - name: a\n    kind: file\n    paths: [x]\n  - name: a\n    kind: git\n    repository: .\n", "watch.yaml:5: feeds[1].name: the name \"a\" is already used by the feed on line 2"),
        ("feeds: [\n", "watch.yaml:2: (syntax): not valid YAML"),
        ("feeds: []\n", "watch.yaml:1: feeds: expected a non-empty list"),
        ("feeds:\n  - name: a\n    kind: otlp\n    port: 70000\n", "watch.yaml:4: feeds[0].port: expected a port number"),
    ])
    func errorsNameFileLineAndField(text: String, message: String) {
        do {
            _ = try WatchConfig.parse(text, path: "watch.yaml")
            Issue.record("accepted invalid config")
        } catch {
            #expect("\(error)".hasPrefix(message), "\(error)")
        }
    }

    @Test func networkKindsBecomeFeedsAndABadURLIsALocatedError() throws {
        let config = try WatchConfig.parse("""
            feeds:
              - name: node
                kind: prometheus-scrape
                url: http://127.0.0.1:9100/metrics
              - name: p99
                kind: prometheus-query
                url: http://127.0.0.1:9090
                query: up
              - name: traces
                kind: otlp
            """, path: "w.yaml")
        #expect(try config.makeFeeds().map(\.kind) == [.prometheusScrape, .prometheusQuery, .otlp])
        let bad = try WatchConfig.parse("feeds:\n  - name: node\n    kind: prometheus-scrape\n    url: 127.0.0.1:9100\n", path: "w.yaml")
        do {
            _ = try bad.makeFeeds()
            Issue.record("accepted a URL without a scheme")
        } catch {
            #expect("\(error)".hasPrefix("w.yaml:2: url: \"127.0.0.1:9100\" is not an http:// URL"), "\(error)")
        }
    }

    @Test func durations() {
        func parse(_ text: String) -> Int64? { DurationText.nanoseconds(text, bareNumber: .seconds) }
        #expect(parse("250ms") == 250_000_000)
        #expect(parse("1.5s") == 1_500_000_000)
        #expect(parse("2m") == 120_000_000_000)
        #expect(parse("1h") == 3_600_000_000_000)
        #expect(parse("1h30m") == 5_400_000_000_000)
        #expect(parse("3") == 3_000_000_000)
        #expect(parse("-1s") == nil)
        #expect(parse("fast") == nil)
    }
}

@Suite struct ExampleConfigTests {
    @Test func theShippedExampleParsesWithEveryKind() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("examples/watch.yaml").path
        let config = try WatchConfig.load(path: path)
        #expect(Set(config.feeds.map(\.kind)) == Set(FeedKind.allCases))
        #expect(config.feeds.count == 7)
    }
}
