import InquestCore

/// The suspects overlay: services ranked as causes of an incident at a time, each with its
/// evidence rows; the cursor moves over evidence rows only.
public struct SuspectsOverlayState: Sendable, Hashable {
    /// One line of the overlay: a ranked service, or one evidence row under it.
    public enum Line: Sendable, Hashable {
        /// The suspect at `rank` (1 = best).
        case suspect(rank: Int, Suspect)
        /// An evidence row; `ordinal` counts evidence rows from 0 over the whole list.
        case evidence(ordinal: Int, service: String, SuspectEvidence)
    }

    /// The time asked for: the selected event's time, or nil for the start of the latest error burst.
    public var requestedTime: Timestamp?
    /// The time the analysis ranked at, once known.
    public var time: Timestamp?
    /// The suspects, best first; nil while the analysis runs.
    public var suspects: [Suspect]?
    /// Why the analysis gave no ranking (no error burst, an unreadable store).
    public var failure: String?
    /// The selected evidence row (an ordinal of ``Line/evidence(ordinal:service:_:)``).
    public var selected: Int

    public init(requestedTime: Timestamp?, time: Timestamp? = nil, suspects: [Suspect]? = nil, failure: String? = nil, selected: Int = 0) {
        self.requestedTime = requestedTime
        self.time = time
        self.suspects = suspects
        self.failure = failure
        self.selected = selected
    }

    /// True while the analysis runs.
    public var isRanking: Bool { suspects == nil && failure == nil }

    /// The suspects and their evidence as lines, in display order.
    public var lines: [Line] {
        var lines: [Line] = []
        var ordinal = 0
        for (index, suspect) in (suspects ?? []).enumerated() {
            lines.append(.suspect(rank: index + 1, suspect))
            for evidence in suspect.evidence {
                lines.append(.evidence(ordinal: ordinal, service: suspect.service, evidence))
                ordinal += 1
            }
        }
        return lines
    }

    /// How many evidence rows there are.
    public var evidenceCount: Int {
        (suspects ?? []).reduce(0) { $0 + $1.evidence.count }
    }

    /// The selected evidence row and its service, if any.
    public var selectedEvidence: (service: String, evidence: SuspectEvidence)? {
        var ordinal = 0
        for suspect in suspects ?? [] {
            if selected < ordinal + suspect.evidence.count {
                return (suspect.service, suspect.evidence[selected - ordinal])
            }
            ordinal += suspect.evidence.count
        }
        return nil
    }

    /// The index in ``lines`` of the selected evidence row (0 when there is none).
    public var selectedLineIndex: Int {
        lines.firstIndex { line in
            if case .evidence(let ordinal, _, _) = line { return ordinal == selected }
            return false
        } ?? 0
    }
}
