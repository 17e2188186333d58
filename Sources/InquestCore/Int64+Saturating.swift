extension Int64 {
    /// `self + other`, saturated at `Int64.min` and `Int64.max` instead of trapping.
    public func addingSaturating(_ other: Int64) -> Int64 {
        let sum = addingReportingOverflow(other)
        guard sum.overflow else { return sum.partialValue }
        return other > 0 ? .max : .min
    }
}
