import InquestCore
import InquestStore
import Testing
@testable import InquestAnalysis

@Suite("Ranking suspects")
struct SuspectAnalysisTests {
    func ranking(_ incident: SyntheticIncident) throws -> [Suspect] {
        try SuspectAnalysis().suspects(in: try incident.store(), at: SyntheticIncident.time)
    }

    @Test func aCalleeThatStartsFailingRanksAboveTheCallersThatFailBecauseOfIt() throws {
        var incident = SyntheticIncident()
        incident.after["ledger"] = .init(error: true, logs: [(3, .info), (5, .error)])
        incident.after["orders"] = .init(error: true, logs: [(2, .info), (4, .error)])
        incident.after["frontend"] = .init(error: true, logs: [(1, .info), (6, .error)])

        let suspects = try ranking(incident)

        #expect(suspects.first?.service == "ledger")
        let orders = try #require(suspects.first { $0.service == "orders" })
        #expect(orders.evidence.contains { $0.kind == .calls && $0.summary.contains("ledger") })
        #expect(suspects.first?.evidence.contains { $0.kind == .logTemplate && $0.summary.contains("0 → 18") } == true)
    }

    @Test func latencyIsBlamedOnTheServiceThatSpendsItNotOnItsCallers() throws {
        var incident = SyntheticIncident()
        incident.after["ledger"]?.ownTime = 2_000_000_000

        let suspects = try ranking(incident)

        #expect(suspects.first?.service == "ledger")
        let latency = try #require(suspects.first?.evidence.first { $0.kind == .spans })
        #expect(latency.summary.contains("5 ms → 2.0 s"))
        #expect(latency.filter.text.contains("service:\"ledger\""))
        #expect(!suspects.contains { $0.service == "orders" && $0.evidence.contains { $0.kind == .spans } })
    }

    @Test func aTemplateThatFallsSilentWhileTheServiceKeepsServingPointsAtIt() throws {
        var incident = SyntheticIncident()
        incident.after["orders"]?.logs = []

        let suspects = try ranking(incident)

        #expect(suspects.first?.service == "orders")
        let row = try #require(suspects.first?.evidence.first)
        #expect(row.kind == .logTemplate && row.summary.contains("fell silent") && row.summary.contains("180 → 0"))
        #expect(row.filter.text.contains("template:2"))
    }

    @Test func aHandlerThatStopsCallingItsCalleePointsAtItselfNotAtTheCallee() throws {
        var incident = SyntheticIncident()
        incident.after["orders"]?.callsNext = false

        let suspects = try ranking(incident)

        #expect(suspects.first?.service == "orders")
        let row = try #require(suspects.first?.evidence.first)
        #expect(row.kind == .calls && row.summary.contains("`handle` requests stopped calling ledger: 1.00 → 0.00 calls per request"))
        #expect(row.summary.contains("180 in 180 requests → 0 in 18; 18 due"))
        #expect(row.filter.text.hasPrefix("trace:"))
        #expect(!suspects.contains { $0.service == "ledger" || $0.service == "frontend" })
    }

    @Test func oneOperationThatStopsLoggingIsFoundWhereTheServiceWideCountOnlyThinsOut() throws {
        var incident = SyntheticIncident()
        incident.operations = ["list", "list", "pay"]
        incident.after["orders"]?.silentIn = ["pay"]

        let suspects = try ranking(incident)

        #expect(suspects.map(\.service) == ["orders"])
        let row = try #require(suspects.first?.evidence.first)
        #expect(row.kind == .logTemplate && row.summary.contains("`pay` requests stopped writing template 2"))
        #expect(row.summary.contains("1.00 → 0.00 per request (60 in 60 requests → 0 in 6; 6.0 due)"))
        #expect(row.filter.text.contains("template:2"))
        #expect(!(suspects.first?.evidence.contains { $0.summary.contains("fell silent") } ?? true))
    }

    @Test func requestsThatKeepTheirStepsAreNoEvidenceWhateverTheirMix() throws {
        var incident = SyntheticIncident()
        incident.operations = ["list", "list", "pay"]
        incident.after["orders"]?.silentIn = ["pay"]
        incident.before["orders"]?.silentIn = ["pay"]

        #expect(try ranking(incident).isEmpty)
    }

    @Test func aMetricLeavingItsBaselineNamesThePodsService() throws {
        var incident = SyntheticIncident()
        incident.samples = SyntheticIncident.series("CpuUsageRate(%)", pod: "ledger-5dc8d4f9fd-46997", baseline: 2, incident: 99)
            + SyntheticIncident.series("CpuUsageRate(%)", pod: "orders-866bd68c97-xcqfx", baseline: 2, incident: 2)

        let suspects = try ranking(incident)

        #expect(suspects.first?.service == "ledger")
        #expect(suspects.first?.evidence.first?.kind == .metric)
        #expect(!suspects.contains { $0.service == "orders" && !$0.evidence.isEmpty })
        #expect(suspects.first?.evidence.first?.summary.contains("→ 99") == true)
    }

    @Test func aWarningTemplateCountsAsLouderOnlyAtTwiceItsDueCount() throws {
        var usual = SyntheticIncident()
        usual.before["orders"]?.logs = [(2, .info), (4, .warning)]
        var doubled = usual
        doubled.after["orders"]?.logs = [(2, .info), (4, .warning), (4, .warning)]
        var tripled = usual
        tripled.after["orders"]?.logs = [(2, .info), (4, .warning), (4, .warning), (4, .warning)]

        let belowTwice = try ranking(doubled)
        let beyondTwice = try ranking(tripled)

        #expect(!belowTwice.contains { $0.evidence.contains { $0.summary.contains("template 4") } })
        #expect(beyondTwice.first?.service == "orders")
        #expect(beyondTwice.first?.evidence.first?.summary.contains("warning template 4") == true)
        #expect(beyondTwice.first?.evidence.first?.summary.contains("180 → 54 events") == true)
    }

    @Test func aTemplateThatOnlyThinsOutHasNotFallenSilent() throws {
        var incident = SyntheticIncident()
        incident.before["orders"]?.logs = [(2, .info), (2, .info), (2, .info)]
        incident.after["orders"]?.logs = [(2, .info), (2, .info)]

        #expect(try ranking(incident).isEmpty)
    }

    @Test func aCallersClientLatencyIsNotItsOwnMetricEvidence() throws {
        var incident = SyntheticIncident()
        incident.samples = SyntheticIncident.series("PodClientLatencyP90(s)", pod: "orders-866bd68c97-xcqfx", baseline: 0.01, incident: 5)
            + SyntheticIncident.series("PodServerLatencyP90(s)", pod: "ledger-5dc8d4f9fd-46997", baseline: 0.01, incident: 5)

        let suspects = try ranking(incident)

        #expect(suspects.map(\.service) == ["ledger"])
        #expect(suspects.first?.evidence.first?.summary.contains("PodServerLatencyP90(s)") == true)
    }

    @Test func aChangeShortlyBeforeTheTimeIsEvidence() throws {
        var incident = SyntheticIncident()
        let text = "deploy orders v42"
        incident.extraEvents = [Event(
            timestamp: SyntheticIncident.time.advanced(saturating: -5 * SyntheticIncident.minute), sourceKind: .change,
            sourceName: "deploys", severity: .info, service: "orders", message: text,
            dedupeKey: DedupeKey(source: "deploys", raw: Array(text.utf8), offset: 0))]

        let suspects = try ranking(incident)

        #expect(suspects.map(\.service) == ["orders"])
        #expect(suspects.first?.evidence.first?.summary.contains("before: deploy orders v42") == true)
    }

    @Test func aQuietStoreHasNoSuspects() throws {
        #expect(try ranking(SyntheticIncident()).isEmpty)
    }

    @Test func theDefaultTimeIsTheStartOfTheLatestErrorBurst() throws {
        var incident = SyntheticIncident()
        incident.after["ledger"] = .init(logs: [(3, .info), (5, .error)])
        let store = try incident.store()
        #expect(try SuspectAnalysis().incidentTime(in: store) == SyntheticIncident.time.advanced(saturating: 3_000))
    }
}
