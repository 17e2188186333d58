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

    /// Window length over baseline length.
    var lengthRatio: Double {
        Double(Timestamp.span(from: window.lowerBound, to: window.upperBound))
            / Double(max(1, Timestamp.span(from: baseline.lowerBound, to: baseline.upperBound)))
    }
}
