import InquestCore
import Testing
@testable import InquestViewModel

/// `:notify`: the selected investigation's notification subscriptions, toggled one by one.
@Suite struct ReducerNotifyTests {
    let env = Fixtures.environment

    static func subscriptions() -> [NotificationSubscription] {
        [
            NotificationSubscription(id: 1, owner: "ann", kinds: [.status], channel: .webhook(url: "https://hooks.example/x", secret: "s")),
            NotificationSubscription(id: 2, owner: "bob", investigationID: 7, kinds: [.note], channel: .email(address: "bob@example.com", server: SMTPSettings(host: "mail", from: "i@example.com"))),
        ]
    }

    @Test func notifyCommandOpensTheOverlayAndAsksForTheSubscriptions() {
        // Given the first investigation selected
        var state = Fixtures.loadedState()
        state.investigations.selected = 1
        var expected = state
        // When `:notify` is typed
        let effects = state.press(.character(":")) + state.type("notify") + state.press(.enter)
        // Then the overlay waits for request 10 and the subscriptions are asked for
        expected.notifyOverlay = NotifyOverlayState(investigationID: 7, title: "Checkout outage", requestID: 10)
        expected.nextRequestID = 11
        #expect(state == expected)
        // (Opening the `:` prompt also reloads the filter history and saved views it completes.)
        #expect(effects.filter { $0 != .loadFilterMemory } == [.loadSubscriptions(requestID: 10, investigationID: 7)])
    }

    @Test func spaceTogglesTheSelectedSubscriptionForThisInvestigation() {
        var state = Fixtures.loadedState()
        state.investigations.selected = 1
        _ = state.press(.character(":")) + state.type("notify") + state.press(.enter)
        // A stale answer is dropped; the awaited one fills the overlay
        _ = reduce(&state, .subscriptionsLoaded(requestID: 9, investigationID: 7, []), environment: env)
        #expect(state.notifyOverlay?.subscriptions == nil)
        _ = reduce(&state, .subscriptionsLoaded(requestID: 10, investigationID: 7, Self.subscriptions()), environment: env)
        #expect(state.notifyOverlay?.subscriptions?.count == 2)
        // j selects the second row (keys go to the overlay, not the timeline)
        let cursor = state.timeline.cursorID
        _ = state.press(.character("j"))
        _ = state.press(.character("j"))
        #expect(state.notifyOverlay?.selected == 1 && state.timeline.cursorID == cursor)
        // Space asks the store to toggle it; the answer to that request refills the list
        let effects = state.press(.character(" "))
        #expect(effects == [.toggleSubscription(requestID: 11, subscriptionID: 2, investigationID: 7)])
        var toggled = Self.subscriptions()
        toggled[1].enabled = false
        _ = reduce(&state, .subscriptionsLoaded(requestID: 11, investigationID: 7, toggled), environment: env)
        #expect(state.notifyOverlay?.subscriptions?[1].enabled == false && state.notifyOverlay?.selected == 1)
        _ = state.press(.escape)
        #expect(state.notifyOverlay == nil)
    }

    @Test func notifyWithoutAnInvestigationSaysSo() {
        var state = Fixtures.loadedState()
        state.investigations.selected = 0
        let effects = state.press(.character(":")) + state.type("notify") + state.press(.enter)
        #expect(effects.filter { $0 != .loadFilterMemory } == [])
        #expect(state.notifyOverlay == nil)
        #expect(state.status == StatusMessage(.error, "Select an investigation to see its notifications"))
    }
}
