/// How much each service served in the baseline and in the window (its entry spans, i.e. the
/// requests it received), and how many log events the store received in each: what the log
/// signals compare a template's counts against, so that a burst of requests is not read as
/// a louder template.
struct ServiceTraffic: Sendable {
    var requestsBefore: [String: Int] = [:]
    var requestsAfter: [String: Int] = [:]
    var logsBefore = 0
    var logsAfter = 0

    /// Requests needed in the baseline (and a third of it, proportionally, in the window)
    /// before a service's own traffic is trusted as the yardstick.
    static let minimumRequests = 20

    /// The factor from baseline counts to the counts due in the window for `service`: its own
    /// requests when it has enough of them, else the store's log volume; nil when neither is known.
    func growth(of service: String) -> Double? {
        if let own = ownGrowth(of: service) { return own }
        guard logsBefore > 0 else { return nil }
        return Double(logsAfter) / Double(logsBefore)
    }

    /// The growth of the service's own requests, or nil when it served too few to tell.
    func ownGrowth(of service: String) -> Double? {
        let before = requestsBefore[service, default: 0]
        let after = requestsAfter[service, default: 0]
        guard before >= Self.minimumRequests, after >= Self.minimumRequests / 2 else { return nil }
        return Double(after) / Double(before)
    }
}
