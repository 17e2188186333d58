import InquestCore

/// The time ranges one analysis compares: the window after the incident time and the baseline
/// just before it.
public struct IncidentWindow: Sendable, Hashable {
    /// The incident time.
    public var time: Timestamp
    /// `time ..< time + window`.
    public var window: Range<Timestamp>
    /// `time - baseline ..< time`.
    public var baseline: Range<Timestamp>

    public init(time: Timestamp, settings: SuspectSettings) {
        self.time = time
        window = time..<time.advanced(saturating: max(1, settings.window))
        baseline = time.advanced(saturating: -max(1, settings.baseline))..<time
    }

    /// Parts of the baseline at most (bounds the reads when the baseline is many windows long).
    static let maximumParts = 60

    /// The baseline cut into window-long parts, oldest first (at most ``maximumParts``, the
    /// last ending at the incident time): counts are compared with their median over the
    /// parts, so an earlier incident inside the baseline (a minority of its parts) does not
    /// raise what counts as normal.
    var baselineParts: [Range<Timestamp>] {
        let length = max(1, Timestamp.span(from: window.lowerBound, to: window.upperBound))
        let total = Timestamp.span(from: baseline.lowerBound, to: baseline.upperBound)
        let count = Int(min(Int64(Self.maximumParts), max(1, total / length)))
        return (0..<count).map { index in
            let end = time.advanced(saturating: -Int64(index) * length)
            let start = index == count - 1 ? baseline.lowerBound : end.advanced(saturating: -length)
            return start..<end
        }.reversed()
    }

    /// Window length over baseline length.
    var lengthRatio: Double {
        Double(Timestamp.span(from: window.lowerBound, to: window.upperBound))
            / Double(max(1, Timestamp.span(from: baseline.lowerBound, to: baseline.upperBound)))
    }
}
