import InquestCore
@testable import InquestRender
import InquestViewModel
import Testing

/// The `:notify` overlay at the standard sizes: subscriptions to every investigation and to this
/// one, on, muted for this one and turned off; a webhook URL whose query carries a token (never
/// shown) and an address with a terminal escape (sanitised).
@Suite struct SnapshotNotifyOverlayTests {
    static let smtp = SMTPSettings(host: "smtp.ops.example", port: 587, from: "inquest@ops.example")

    static var subscriptions: [NotificationSubscription] {
        [
            NotificationSubscription(
                id: 1, owner: "alice", kinds: [.status, .resolved],
                channel: .webhook(url: "https://hooks.chat.example/services/T000/B000?token=SECRET", secret: "whsec")),
            NotificationSubscription(
                id: 2, owner: "bob", investigationID: 7, kinds: [.note, .owner],
                channel: .email(address: "oncall@ops.example", server: smtp)),
            NotificationSubscription(
                id: 3, owner: "carol", kinds: [.created, .status, .severity, .owner, .note, .resolved],
                channel: .email(address: "sre-leads@ops.example\u{1B}[31m", server: smtp), mutedInvestigations: [7]),
            NotificationSubscription(
                id: 4, owner: "alice", kinds: [.severity],
                channel: .webhook(url: "http://127.0.0.1:9000/hook", secret: "s"), enabled: false),
        ]
    }

    static func state(width: Int, height: Int, subscriptions: [NotificationSubscription]? = Self.subscriptions) -> CanvasState {
        var state = SnapshotFixture.state(width: width, height: height)
        state.notifyOverlay = NotifyOverlayState(
            investigationID: 7, title: "Checkout outage 支付", requestID: 1, subscriptions: subscriptions, selected: 2)
        return state
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func notifyOverlay(width: Int, height: Int) throws {
        let buffer = CanvasRenderer.render(Self.state(width: width, height: height), width: width, height: height)
        try Snapshot.assertMatches(buffer, named: "notify-\(width)x\(height)")
        let text = buffer.textLines().joined(separator: "\n")
        #expect(!text.contains("\u{1B}"), "escapes are sanitised")
        #expect(!text.contains("SECRET"), "a webhook's token is never drawn")
    }

    @Test func loadingAndEmptyStatesSaySo() {
        let loading = CanvasRenderer.render(Self.state(width: 120, height: 40, subscriptions: nil), width: 120, height: 40)
        #expect(loading.textLines().joined().contains("Loading…"))
        let empty = CanvasRenderer.render(Self.state(width: 120, height: 40, subscriptions: []), width: 120, height: 40)
        #expect(empty.textLines().joined().contains("No subscriptions: inquest notify add"))
    }
}
