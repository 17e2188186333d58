/// Number of events of one service.
public struct ServiceCount: Sendable, Hashable {
    /// The service name as stored.
    public var service: String
    /// Events of that service.
    public var count: Int

    public init(service: String, count: Int) {
        self.service = service
        self.count = count
    }
}
