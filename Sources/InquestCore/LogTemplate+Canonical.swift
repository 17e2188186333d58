extension Dictionary where Key == Int64, Value == LogTemplate {
    /// The id `id` reads as: following ``LogTemplate/mergedInto`` to a template absorbed into
    /// none (at most 64 steps, so a damaged chain cannot loop).
    public func canonicalID(of id: Int64) -> Int64 {
        var current = id
        var steps = 0
        while let next = self[current]?.mergedInto, steps < 64 {
            current = next
            steps += 1
        }
        return current
    }

    /// The template `id` reads as, and the events stored with it or with any template absorbed into it.
    public func canonical(of id: Int64) -> (template: LogTemplate, events: Int64)? {
        let target = canonicalID(of: id)
        guard let template = self[target] else { return nil }
        let events = values.reduce(Int64(0)) { sum, other in
            canonicalID(of: other.id) == target ? sum + other.count : sum
        }
        return (template, events)
    }
}
