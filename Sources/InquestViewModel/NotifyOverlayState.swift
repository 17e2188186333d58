import InquestCore

/// The `:notify` overlay: the notification subscriptions that can deliver the selected
/// investigation's changes, each shown on or off for it; Space toggles the selected one.
public struct NotifyOverlayState: Sendable, Hashable {
    public var investigationID: Int64
    public var title: String
    /// The load answering this request fills the overlay (older answers are dropped).
    public var requestID: Int
    /// Nil while loading.
    public var subscriptions: [NotificationSubscription]?
    /// The selected row.
    public var selected: Int

    public init(investigationID: Int64, title: String, requestID: Int, subscriptions: [NotificationSubscription]? = nil, selected: Int = 0) {
        self.investigationID = investigationID
        self.title = title
        self.requestID = requestID
        self.subscriptions = subscriptions
        self.selected = selected
    }
}
