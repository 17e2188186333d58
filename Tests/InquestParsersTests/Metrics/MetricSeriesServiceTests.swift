import Foundation
import InquestCore
import Testing

@testable import InquestParsers

extension MetricsTests {
    @Suite("Metric series tied to a service")
    struct MetricSeriesServiceTests {
        @Test(arguments: [
            (["ServiceName": "Frontend"], "Frontend"),
            (["service_name": "checkout"], "checkout"),
            (["service": "cart", "pod": "other-7d9f8c6b5d-x2x4z"], "cart"),
            (["app": "billing"], "billing"),
            (["PodName": "ts-contacts-service-866bd68c97-xcqfx"], "ts-contacts-service"),
            (["k8s.pod.name": "payments-api-5c596ccb87-f5trg", "job": "kubernetes-pods"], "payments-api"),
            (["deployment": "search", "pod": "search-abc"], "search"),
            (["container": "nginx", "job": "edge"], "nginx"),
            (["job": "node-exporter", "instance": "10.0.0.1:9100"], "node-exporter"),
        ] as [([String: String], String)])
        func aLabelNamesTheService(labels: [String: String], service: String) {
            #expect(MetricSeriesService.service(labels: labels) == service)
        }

        @Test func labelsThatNameNoServiceSayNothing() {
            #expect(MetricSeriesService.service(labels: [:]) == nil)
            #expect(MetricSeriesService.service(labels: ["instance": "10.0.0.1:9100", "le": "0.5", "quantile": "0.99"]) == nil)
            #expect(MetricSeriesService.service(labels: ["service": ""]) == nil)
        }

        @Test(arguments: [
            ("ts-contacts-service-866bd68c97-xcqfx_metric.csv", "ts-contacts-service"),
            ("/data/day1/metric/checkout-api-7f8d7d756d-k7b9j.metrics.csv", "checkout-api"),
            ("node stats payments-5c596ccb87-f5trg.prom", "payments"),
        ])
        func aPodShapedFileNameNamesTheService(fileName: String, service: String) {
            #expect(MetricSeriesService.service(fileName: fileName) == service)
        }

        @Test(arguments: ["front_service.csv", "latency-2023.csv", "cpu.csv", "web-0.csv", "-"])
        func otherFileNamesSayNothing(fileName: String) {
            #expect(MetricSeriesService.service(fileName: fileName) == nil)
        }

        @Test func taggingAddsTheServiceLabelFromLabelsBeforeTheFileName() {
            // Given samples of a wide file: one pod column, and one series that already names its service
            let time = Timestamp(seconds: 1_700_000_000)
            let samples = [
                MetricSample(series: "cpu", labels: ["PodName": "orders-6f94c49ccd-4rdb2"], timestamp: time, value: 1),
                MetricSample(series: "rate", labels: [:], timestamp: time, value: 2),
                MetricSample(series: "p99", labels: ["service": "own"], timestamp: time, value: 3),
            ]
            // When they are tagged with a pod-shaped file name of another workload
            let tagged = MetricSeriesService.tagged(samples, fileName: "gateway-6f6cfc45b-h5m2n_metric.csv")
            // Then the label wins, the file name fills in, and an own service label is kept
            #expect(tagged.map { $0.labels["service"] } == ["orders", "gateway", "own"])
            #expect(tagged[0].labels["PodName"] == "orders-6f94c49ccd-4rdb2")
        }

        @Test func anEpisodeEventCarriesItsSeriesServiceNameAndLabels() throws {
            // Given a series with a pod label that steps up after its warm-up
            let samples = (0..<400).map { (index: Int) -> MetricSample in
                let value: Double = (300..<305).contains(index) ? 900 : 10 + Double(index % 3)
                let time = Timestamp(seconds: 1_700_000_000 + Int64(index) * 60)
                return MetricSample(series: "latency", labels: ["pod": "cart-7d97b69596-lmsfv"], timestamp: time, value: value)
            }
            // When it is tagged and turned into events
            let events = MetricAnomalyEvents.events(
                for: MetricSeriesService.tagged(samples, fileName: nil), sourceName: "m.csv", identity: "m")
            // Then the event names the pod's deployment as its service, and its series by name and labels
            let event = try #require(events.first)
            #expect(event.service == "cart")
            #expect(event.message.hasPrefix("anomaly: latency{pod=\"cart-7d97b69596-lmsfv\"} 900"))
            let attributes = try #require(try JSONSerialization.jsonObject(with: Data(event.attributesJSON.utf8)) as? [String: Any])
            #expect(attributes["metric"] as? String == "latency")
            #expect(attributes["labels"] as? [String: String] == ["pod": "cart-7d97b69596-lmsfv", "service": "cart"])
        }
    }
}
