import InquestCore
@testable import InquestViewModel

/// Shared test data: events one second apart, a fixed clock.
enum Fixtures {
    static let base = Timestamp(seconds: 1_795_000_000)

    static func row(_ id: Int64, severity: Severity = .info, message: String? = nil) -> EventSummary {
        EventSummary(
            id: id,
            timestamp: Timestamp(nanoseconds: base.nanoseconds + id * 1_000_000_000),
            sourceKind: .log,
            sourceName: "app.log",
            severity: severity,
            service: "api",
            message: message ?? "event \(id)"
        )
    }

    static func rows(_ ids: ClosedRange<Int64>) -> [EventSummary] {
        ids.map { row($0) }
    }

    static let environment = CanvasEnvironment(
        now: Timestamp(seconds: 1_795_000_500),
        localOffsetSeconds: 3_600,
        userName: "alice"
    )

    static func investigation(_ id: Int64, _ title: String) -> InvestigationSummary {
        InvestigationSummary(
            investigation: Investigation(id: id, title: title, createdAt: base),
            linkedEventCount: 2,
            noteCount: 1
        )
    }

    /// An 80×24 canvas showing events 41...100 (the newest 60 of 100), cursor on 100.
    static func loadedState() -> CanvasState {
        var state = CanvasState(now: environment.now, localOffsetSeconds: 3_600)
        state.timeline = TimelineState(
            rows: rows(41...100), cursorID: 100, top: 50, reachedStart: false, reachedEnd: true,
            totalCount: 100, oldest: row(1).timestamp, newest: row(100).timestamp, isLoading: false
        )
        state.density = DensityState(from: row(1).timestamp, to: Timestamp(nanoseconds: row(100).timestamp.nanoseconds + 1))
        state.investigations.items = [investigation(7, "Checkout outage")]
        state.nextRequestID = 10
        return state
    }
}

extension CanvasState {
    /// Sends keys one after another, collecting the effects.
    mutating func press(_ keys: KeyPress..., environment: CanvasEnvironment = Fixtures.environment) -> [CanvasEffect] {
        var effects: [CanvasEffect] = []
        for key in keys { effects += reduce(&self, .keyPressed(key), environment: environment) }
        return effects
    }

    mutating func type(_ text: String, environment: CanvasEnvironment = Fixtures.environment) -> [CanvasEffect] {
        var effects: [CanvasEffect] = []
        for character in text { effects += reduce(&self, .keyPressed(.character(character)), environment: environment) }
        return effects
    }
}
