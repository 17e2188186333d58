/// Number of events of one service.
public struct ServiceCount: Sendable, Hashable {
    public var service: String
    public var count: Int

    public init(service: String, count: Int) {
        self.service = service
        self.count = count
    }
}
