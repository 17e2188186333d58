import InquestTestSupport
import InquestCore
import Testing

@testable import InquestParsers

extension MetricsTests {
    @Suite("CSV time series")
    struct CSVSeriesParserTests {
        @Test func readsTimestampValueWithHeaderUnderTheDefaultName() {
            let text = "timestamp,value\r\n2014-04-10 00:04:00,91.958\r\n2014-04-10 00:09:00,NaN\r\n2014-04-10 00:14:00,\r\n\r\n"
            let (samples, errors) = CSVSeriesParser.parse(text, defaultSeries: "cpu")

            #expect(errors.isEmpty)
            #expect(samples.map(\.series) == ["cpu", "cpu", "cpu"])
            #expect(samples[0].value == 91.958)
            #expect(samples[0].timestamp == MetricTimestampParser.parse("2014-04-10T00:04:00Z"))
            #expect(samples[1].isGap && samples[2].isGap)
        }

        @Test func readsHeaderlessRowsWithEpochTimesAndASeriesColumn() {
            let text = """
                1674981669,1.5,cpu
                1674981669000,2.5,mem
                1674981729,3.5,cpu
                """
            let (rows, errors) = CSVSeriesParser.parseRows(text, defaultSeries: "file")

            #expect(errors.isEmpty)
            #expect(rows.map(\.line) == [1, 2, 3])
            #expect(rows.flatMap(\.samples).map(\.series) == ["cpu", "mem", "cpu"])
            #expect(rows[1].timestamp == Timestamp(seconds: 1_674_981_669))
            #expect(rows[1].timestampText == "1674981669000")
        }

        @Test func wideFilesMakeOneSeriesPerNumericColumnAndLabelsFromTextColumns() {
            let text = """
                Time,TimeStamp,PodName,CpuUsage(m),Latency(s)
                2023-01-29 08:41:09.04 +0000 UTC m=+0.11,1674981669,pod-a,14.3,NaN
                2023-01-29 08:42:09.46 +0000 UTC m=+60.5,1674981729,pod-a,8.5,0.02
                """
            let (samples, errors) = CSVSeriesParser.parse(text, defaultSeries: "file")

            #expect(errors.isEmpty)
            #expect(samples.map(\.series) == ["CpuUsage(m)", "Latency(s)", "CpuUsage(m)", "Latency(s)"])
            #expect(samples.allSatisfy { $0.labels == ["PodName": "pod-a"] })
            #expect(samples[1].isGap)
            // The epoch `TimeStamp` reads more cleanly than Go's `time.Time` text beside it, so it is the time.
            #expect(samples[0].timestamp == Timestamp(seconds: 1_674_981_669))
        }

        @Test func quotedFieldsAreUnquoted() {
            let text = "time,value,series\n\"2014-04-10 00:04:00\",\"1,5\",\"a \"\"quoted\"\" name\"\n"
            let (rows, _) = CSVSeriesParser.parseRows(text, defaultSeries: "file")

            #expect(rows.first?.timestampText == "2014-04-10 00:04:00")
            #expect(rows.first?.errors == [.invalidValue(line: 2, column: 23, text: "1,5")])
        }

        @Test func badRowsAreLocatedAndKeptInOrder() {
            let text = """
                timestamp,value
                2014-04-10 00:04:00,1
                not-a-time,2
                2014-04-10 00:14:00,abc
                2014-04-10 00:19:00
                2014-04-10 00:24:00,5
                """
            let (rows, fileErrors) = CSVSeriesParser.parseRows(text, defaultSeries: "s")

            #expect(fileErrors.isEmpty)
            #expect(rows.map(\.line) == [2, 3, 4, 5, 6])
            #expect(rows.map(\.timestampText) == ["2014-04-10 00:04:00", "not-a-time", "2014-04-10 00:14:00", "2014-04-10 00:19:00", "2014-04-10 00:24:00"])
            #expect(rows[1].errors == [.invalidTimestamp(line: 3, column: 1, text: "not-a-time")])
            #expect(rows[2].errors == [.invalidValue(line: 4, column: 21, text: "abc")])
            #expect(rows[3].errors == [.missingFields(line: 5, expected: 2, found: 1)])
            #expect(rows.map { $0.samples.count } == [1, 0, 0, 0, 1])
        }

        @Test func aByteOrderMarkDoesNotHideAHeaderlessFirstRow() {
            let (samples, errors) = CSVSeriesParser.parse("\u{FEFF}2014-04-10 00:04:00,1\n2014-04-10 00:09:00,2\n", defaultSeries: "s")

            #expect(errors.isEmpty)
            #expect(samples.map(\.value) == [1, 2])
        }

        @Test func aFileWithoutNumbersSaysSo() {
            let (_, errors) = CSVSeriesParser.parse("time,host\n2014-04-10 00:04:00,a\n", defaultSeries: "s")

            #expect(errors == [.noValueColumn(line: 1)])
        }

        static let nabRowCounts: [(String, Int)] = [
            ("realAWSCloudwatch/ec2_cpu_utilization_825cc2.csv", 4032),
            ("realAWSCloudwatch/grok_asg_anomaly.csv", 4621),
            ("realAWSCloudwatch/rds_cpu_utilization_e47b3b.csv", 4032),
            ("realKnownCause/cpu_utilization_asg_misconfiguration.csv", 18050),
            ("realKnownCause/ec2_request_latency_system_failure.csv", 4032),
            ("realKnownCause/machine_temperature_system_failure.csv", 22695),
            ("realTraffic/occupancy_6005.csv", 2380),
        ]

        /// Row counts from `tail -n +2 FILE | grep -vc '^[[:space:]]*$'`.
        @Test(.enabled(if: MetricsCorpus.isAvailable, SharedCorpus.skipReason), arguments: nabRowCounts)
        func parsesEveryNABRow(path: String, rows: Int) throws {
            let text = try MetricsCorpus.text("nab/data/" + path)
            let (samples, errors) = CSVSeriesParser.parse(text, defaultSeries: "nab")

            #expect(errors.isEmpty)
            #expect(samples.count == rows)
            #expect(samples.allSatisfy { !$0.isGap })
            // Times are kept as written: ec2_request_latency_system_failure repeats 2014-03-09 03:00:00 and
            // machine_temperature_system_failure steps back once at line 10151 (02:55 -> 02:00), both in the source.
            let backwardSteps = zip(samples, samples.dropFirst()).filter { $0.timestamp > $1.timestamp }.count
            #expect(backwardSteps == (path.contains("machine_temperature") ? 1 : 0))
        }

        /// 919 rows each; front_service has 5 numeric columns after `Time,TimeStamp,ServiceName`, the pod files 19;
        /// the contacts pod has 1780 `NaN` cells (`grep -o NaN | wc -l`).
        @Test(.enabled(if: MetricsCorpus.isAvailable, SharedCorpus.skipReason)) func parsesTheNezhaMetricFiles() throws {
            let directory = "nezha/rca_data/2023-01-29/metric/"
            let front = CSVSeriesParser.parse(try MetricsCorpus.text(directory + "front_service.csv"), defaultSeries: "front")
            let contacts = CSVSeriesParser.parse(
                try MetricsCorpus.text(directory + "ts-contacts-service-866bd68c97-xcqfx_metric.csv"), defaultSeries: "contacts")

            #expect(front.errors.isEmpty && contacts.errors.isEmpty)
            #expect(front.samples.count == 919 * 5)
            #expect(Set(front.samples.map(\.series)) == ["SuccessRate(%)", "LatencyP50(s)", "LatencyP90(s)", "LatencyP95(s)", "LatencyP99(s)"])
            #expect(front.samples.first?.labels == ["ServiceName": "Frontend"])
            #expect(contacts.samples.count == 919 * 19)
            #expect(contacts.samples.filter(\.isGap).count == 1780)
            // The epoch `TimeStamp` column is read, not the Go `Time` text beside it (the cleaner column wins).
            #expect(contacts.samples.first?.timestamp == Timestamp(seconds: 1_674_981_669))
        }
    }
}
