import InquestCore
import Foundation

/// Turns spans into timeline events: one per trace, one per error span and one per slow span.
///
/// **Traces.** ``eventize(_:sourceName:sourceIdentity:)`` gives every trace among the spans one
/// `trace` event, so a trace with nothing wrong is still on the timeline (selecting it shows its
/// span tree). It sits at the root's start (the root: the earliest span without a parent) and
/// names the root's operation and service, the number of spans and failed spans, and the
/// duration from the first start to the last end. Severity: `error` when any span failed (the
/// trace is evidence of a failure even if the failing span is deep inside it), else `info`;
/// slowness stays on the slow span's own event. A partial trace (no span without a parent)
/// is anchored on its earliest span and says "root missing". Feeding the same spans again
/// gives the same event (see ``makeTraceEvent(_:sourceName:sourceIdentity:)``). Every span
/// source hands its spans here, so the per-trace rule lives in this one place; a streaming
/// caller of ``consume(_:offset:sourceName:sourceIdentity:)`` sees spans, not whole traces,
/// and gets no trace events.
///
/// **Slow rule.** Per (service, operation) the eventizer keeps the last `window` durations
/// (default 200). A span is judged against the baseline of the spans *before* it, and only
/// once at least `warmUp` (default 20) have been seen: it is slow when its duration is
/// greater than median + 6·MAD **and** greater than 2 × median (both multipliers are in
/// ``Configuration``). The MAD term ignores ordinary jitter; the ratio term keeps a very
/// steady operation (MAD ≈ 0) from flagging tiny wobbles. A slow span is `warning`, or
/// `critical` at 10 × median or more. An operation whose median is 0 is never judged slow.
/// Every span, slow or not, then joins its baseline, except spans of duration 0: Zipkin
/// writes shared or late fragments without a duration, and counting them as instant calls
/// would drag the median down and make every real call look slow.
///
/// **Error spans** (``SpanStatus/error``) give an `error` event whatever their duration; a
/// span that is both failed and slow gives one event, the error, marked `"slow": true`.
///
/// **Order.** Traces arrive out of order, so ``eventize(_:sourceName:sourceIdentity:)`` sorts
/// a file's spans by start time (stable on file position) before judging; each event's
/// dedupe offset is the span's index in the file as given, so re-reading the file yields the
/// same keys. Baselines persist across calls, so one eventizer can follow a feed.
public struct SpanEventizer: Sendable {
    public let configuration: Configuration
    private var baselines: [String: SpanLatencyBaseline] = [:]

    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// Events for the spans of one file (or any whole set of spans), sorted by time: one `trace`
    /// event per trace, then the error and slow span events, merged in start order (a trace's
    /// event comes before its root's span event).
    /// - Parameters:
    ///   - sourceName: the file's base name or the feed's name (``Event/sourceName``).
    ///   - sourceIdentity: the string the dedupe key hashes (e.g. the file's absolute path).
    public mutating func eventize(_ spans: [TraceSpan], sourceName: String, sourceIdentity: String) -> [Event] {
        let order = spans.indices.sorted { (spans[$0].start, $0) < (spans[$1].start, $1) }
        var spanEvents: [Event] = []
        for index in order {
            if let event = consume(spans[index], offset: Int64(index), sourceName: sourceName, sourceIdentity: sourceIdentity) {
                spanEvents.append(event)
            }
        }
        let traceEvents = TraceSummary.summaries(of: spans)
            .map { makeTraceEvent($0, sourceName: sourceName, sourceIdentity: sourceIdentity) }
            .enumerated().sorted { ($0.element.timestamp, $0.offset) < ($1.element.timestamp, $1.offset) }.map(\.element)
        return Self.merged(traceEvents, spanEvents)
    }

    /// Two time-sorted lists as one, the first list's event first on equal times.
    static func merged(_ first: [Event], _ second: [Event]) -> [Event] {
        var out: [Event] = []
        out.reserveCapacity(first.count + second.count)
        var left = 0
        var right = 0
        while left < first.count || right < second.count {
            if right == second.count || (left < first.count && first[left].timestamp <= second[right].timestamp) {
                out.append(first[left])
                left += 1
            } else {
                out.append(second[right])
                right += 1
            }
        }
        return out
    }

    /// Judges one span against its operation's baseline, adds it to the baseline and returns
    /// its event, if it deserves one. Call in start-time order.
    public mutating func consume(_ span: TraceSpan, offset: Int64, sourceName: String, sourceIdentity: String) -> Event? {
        let key = span.service + "\u{1F}" + span.operation
        var baseline = baselines[key] ?? SpanLatencyBaseline(capacity: configuration.window)
        var verdict: Slowness?
        if span.duration > 0 {
            verdict = judge(span.duration, against: baseline)
            baseline.add(span.duration)
            baselines[key] = baseline
        }
        guard span.status == .error || verdict != nil else { return nil }
        return makeEvent(span, slowness: verdict, offset: offset, sourceName: sourceName, sourceIdentity: sourceIdentity)
    }

    /// How far above its baseline a slow duration is: the baseline median and the ratio.
    struct Slowness {
        var medianNanoseconds: Double
        var ratio: Double
    }

    func judge(_ duration: Int64, against baseline: SpanLatencyBaseline) -> Slowness? {
        guard baseline.count >= configuration.warmUp, let (median, mad) = baseline.statistics(), median > 0 else {
            return nil
        }
        let value = Double(duration)
        guard value > median + configuration.madMultiplier * mad, value > configuration.medianMultiplier * median else {
            return nil
        }
        return Slowness(medianNanoseconds: median, ratio: value / median)
    }
}
