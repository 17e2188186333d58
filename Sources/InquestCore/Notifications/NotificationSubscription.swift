/// One user's wish to be told about investigation changes: which kinds, about which
/// investigation (or all), through which channel.
public struct NotificationSubscription: Sendable, Hashable {
    public var id: Int64?
    /// The user who added it (the OS user, as the audit trail names people).
    public var owner: String
    /// The one investigation it is about; nil for every investigation.
    public var investigationID: Int64?
    /// The kinds of change it wants; never empty.
    public var kinds: Set<NotificationKind>
    public var channel: NotificationChannel
    /// Off: nothing is queued for it until it is turned on again.
    public var enabled: Bool
    /// Investigations it is muted for (a subscription to every investigation can be silenced for one).
    public var mutedInvestigations: Set<Int64>
    public var createdAt: Timestamp

    public init(
        id: Int64? = nil, owner: String, investigationID: Int64? = nil, kinds: Set<NotificationKind>,
        channel: NotificationChannel, enabled: Bool = true, mutedInvestigations: Set<Int64> = [], createdAt: Timestamp = .now()
    ) {
        self.id = id
        self.owner = owner
        self.investigationID = investigationID
        self.kinds = kinds
        self.channel = channel
        self.enabled = enabled
        self.mutedInvestigations = mutedInvestigations
        self.createdAt = createdAt
    }

    /// Whether a change of `investigation` is delivered to it now (enabled, in scope, not muted).
    public func delivers(investigationID investigation: Int64) -> Bool {
        enabled && (investigationID == nil || investigationID == investigation) && !mutedInvestigations.contains(investigation)
    }

    /// The kinds in their declared order, comma-separated (`status,note`).
    public var kindList: String {
        kinds.sorted().map(\.rawValue).joined(separator: ",")
    }
}
