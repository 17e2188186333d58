/// Which services called which in the analysed window (from span parent → child across services).
struct CallGraph: Sendable {
    private(set) var callees: [String: Set<String>] = [:]

    mutating func add(caller: String, callee: String) {
        guard caller != callee else { return }
        callees[caller, default: []].insert(callee)
    }
}
