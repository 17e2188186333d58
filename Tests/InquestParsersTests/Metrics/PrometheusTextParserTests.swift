import InquestTestSupport
import InquestCore
import Testing

@testable import InquestParsers

extension MetricsTests {
    @Suite("Prometheus text exposition")
    struct PrometheusTextParserTests {
        let scrape = Timestamp(seconds: 1_700_000_000)

        @Test func readsHelpTypeAndEscapedLabels() {
            let text = """
                # HELP http_requests_total The total number of HTTP requests.\\nSecond line.
                # TYPE http_requests_total counter
                http_requests_total{method="post",code="200"} 1027 1395066363000
                http_requests_total{method="post",code="400",} 3 1395066363000
                # A free comment is ignored
                msdos_file_access_time_seconds{path="C:\\\\DIR\\\\FILE.TXT",error="Cannot find file:\\n\\"FILE.TXT\\""} 1.458255915e9
                """
            let exposition = PrometheusTextParser.parseExposition(text, scrapeTime: scrape)

            #expect(exposition.errors.isEmpty)
            #expect(exposition.families == [
                MetricFamily(name: "http_requests_total", kind: .counter, help: "The total number of HTTP requests.\nSecond line.")
            ])
            #expect(exposition.samples.count == 3)
            #expect(exposition.samples[0] == MetricSample(
                series: "http_requests_total", labels: ["method": "post", "code": "200"],
                timestamp: Timestamp(nanoseconds: 1_395_066_363_000 * 1_000_000), value: 1027))
            #expect(exposition.samples[1].labels == ["method": "post", "code": "400"])
            #expect(exposition.samples[2].labels["path"] == #"C:\DIR\FILE.TXT"#)
            #expect(exposition.samples[2].labels["error"] == "Cannot find file:\n\"FILE.TXT\"")
            #expect(exposition.samples[2].value == 1.458255915e9)
            #expect(exposition.samples[2].timestamp == scrape)
        }

        @Test func readsNaNAndInfinities() {
            let text = """
                a NaN
                b +Inf
                c -Inf
                d{x="y"} Inf
                """
            let (samples, errors) = PrometheusTextParser.parse(text, scrapeTime: scrape)

            #expect(errors.isEmpty)
            #expect(samples.map(\.series) == ["a", "b", "c", "d"])
            #expect(samples[0].value.isNaN && samples[0].isGap)
            #expect(samples[1].value == .infinity)
            #expect(samples[2].value == -.infinity)
            #expect(samples[3].value == .infinity)
        }

        @Test func readsHistogramAndSummarySeries() {
            let text = """
                # TYPE rpc_seconds histogram
                rpc_seconds_bucket{le="0.05"} 24054
                rpc_seconds_bucket{le="+Inf"} 144320
                rpc_seconds_sum 53423
                rpc_seconds_count 144320
                # TYPE gc_seconds summary
                gc_seconds{quantile="0.5"} 0.0001
                gc_seconds_sum 4.5
                gc_seconds_count 19
                """
            let exposition = PrometheusTextParser.parseExposition(text, scrapeTime: scrape)

            #expect(exposition.errors.isEmpty)
            #expect(exposition.families.map(\.kind) == [.histogram, .summary])
            #expect(exposition.samples.map(\.series) == [
                "rpc_seconds_bucket", "rpc_seconds_bucket", "rpc_seconds_sum", "rpc_seconds_count",
                "gc_seconds", "gc_seconds_sum", "gc_seconds_count",
            ])
            #expect(exposition.samples[1].labels == ["le": "+Inf"])
            #expect(exposition.samples[4].labels == ["quantile": "0.5"])
        }

        @Test func openMetricsTimestampsAreSecondsAndExemplarsAreDropped() {
            let text = """
                # TYPE foo counter
                # UNIT foo seconds
                foo_total 17.0 1520879607.789
                foo_bucket{le="1"} 3 # {trace_id="abc"} 0.5 1520879607.1
                # EOF
                """
            let exposition = PrometheusTextParser.parseExposition(text, scrapeTime: scrape)

            #expect(exposition.isOpenMetrics)
            #expect(exposition.errors.isEmpty)
            #expect(exposition.families.first?.unit == "seconds")
            #expect(exposition.samples.first?.timestamp == Timestamp(seconds: 1_520_879_607, nanos: 789_000_000))
            #expect(exposition.samples.last?.value == 3)
            #expect(exposition.samples.last?.timestamp == scrape)
        }

        @Test func badLinesAreReportedWithTheirLineAndParsingContinues() {
            let text = """
                # TYPE ok gauge
                ok 1
                {x="y"} 2
                bad{x="y} 3
                bad{x=y} 4
                bad{x="\\q"} 5
                nine 9 notatime
                novalue
                text abc
                # TYPE weird flavour
                also_ok 2
                """
            let (samples, errors) = PrometheusTextParser.parse(text, scrapeTime: scrape)

            #expect(samples.map(\.series) == ["ok", "also_ok"])
            #expect(errors.map(\.line) == [3, 4, 5, 6, 7, 8, 9, 10])
            #expect(errors[0] == .malformedSample(line: 3, column: 1, expected: "a metric name"))
            #expect(errors[2] == .invalidLabel(line: 5, column: 7, reason: "expected '\"' to open the value of 'x'"))
            #expect(errors[4] == .invalidTimestamp(line: 7, column: 8, text: "notatime"))
            #expect(errors[6] == .invalidValue(line: 9, column: 6, text: "abc"))
            #expect(errors[7] == .unknownType(line: 10, text: "flavour"))
            #expect(errors.allSatisfy { $0.description.hasPrefix("line \($0.line ?? -1)") })
        }

        @Test func contentAfterEOFIsAnError() {
            let (samples, errors) = PrometheusTextParser.parse("a 1\n# EOF\nb 2\n", scrapeTime: scrape)

            #expect(samples.count == 1)
            #expect(errors == [.contentAfterEOF(line: 3)])
        }

        /// Counts checked independently: `grep -c '^# TYPE'` = 237 families and
        /// `grep -vc -e '^#' -e '^[[:space:]]*$'` = 1857 sample lines, 12 of them `NaN`.
        @Test(.enabled(if: MetricsCorpus.isAvailable, SharedCorpus.skipReason)) func parsesTheAllTypesCorpusFile() throws {
            let text = try MetricsCorpus.text("prometheus/prometheus/alltypes.237mfs.prom.txt")
            let exposition = PrometheusTextParser.parseExposition(text, scrapeTime: scrape)

            #expect(exposition.errors.isEmpty)
            #expect(exposition.families.count == 237)
            #expect(exposition.families.filter { $0.kind == .counter }.count == 112)
            #expect(exposition.families.filter { $0.kind == .histogram }.count == 15)
            #expect(exposition.samples.count == 1857)
            #expect(exposition.samples.filter(\.isGap).count == 12)
            #expect(exposition.samples.filter { $0.labels["le"] != nil }.count == 999)
            #expect(exposition.samples.contains { $0.labels["rule_group"] == "/etc/prometheus/rules/ansible_managed.yml;ansible managed alert rules" })
        }

        /// `grep -vc '^#'` = 42 samples, 36 of them `_bucket`, one family, ending in `# EOF`.
        @Test(.enabled(if: MetricsCorpus.isAvailable, SharedCorpus.skipReason)) func parsesTheOpenMetricsHistogramCorpusFile() throws {
            let text = try MetricsCorpus.text("prometheus/prometheus/1histogram.om.txt")
            let exposition = PrometheusTextParser.parseExposition(text, scrapeTime: scrape)

            #expect(exposition.isOpenMetrics)
            #expect(exposition.errors.isEmpty)
            #expect(exposition.families.map(\.kind) == [.histogram])
            #expect(exposition.samples.count == 42)
            #expect(exposition.samples.filter { $0.series.hasSuffix("_bucket") }.count == 36)
            #expect(exposition.samples.filter { $0.labels["le"] == "+Inf" }.map(\.value) == [1, 1, 1])
        }
    }
}
