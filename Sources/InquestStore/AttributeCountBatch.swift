import InquestCore

/// One batch's attribute counts, grouped where the batch was flattened (the parsing thread;
/// see ``EncodedEvents``) so that the store's writer only merges them into the count tables
/// (``AttributeCounts``): per ten-minute bucket and attribute key, each value's events and
/// errors, and, while the key holds at most ``AttributeCounts/valueCap`` values in the batch,
/// its events per value, service and severity. Keys and values are already `String`s here.
struct AttributeCountBatch: Sendable, Hashable {
    /// A value's events (and of those, events of severity error or worse) in one bucket.
    struct ValueCount: Sendable, Hashable {
        var value: AttributeCounts.StoredValue
        var events: Int64
        var errors: Int64
    }

    /// A value's events of one service and severity in one bucket.
    struct Group: Sendable, Hashable {
        var value: AttributeCounts.StoredValue
        var service: String?
        var severity: Int64
        var events: Int64
    }

    /// One key in one bucket.
    struct Key: Sendable, Hashable {
        var name: String
        /// A value the scanner could not read exactly, or the key repeated in one event: the
        /// key's counts are not kept in the bucket (and `values`, `groups` are incomplete).
        var uncertain: Bool
        /// Every distinct value with its counts (null values are not counted).
        var values: [ValueCount]
        /// The events per value, service and severity; nil when the batch holds more than
        /// ``AttributeCounts/valueCap`` values.
        var groups: [Group]?

        /// The events with a counted value.
        var events: Int64 { values.reduce(0) { $0 + $1.events } }
    }

    struct Bucket: Sendable, Hashable {
        var minute: Int64
        /// The bucket holds an attribute text the scanner could not read: nothing is kept there.
        var unreadable: Bool
        /// In the order first seen.
        var keys: [Key]
    }

    /// In bucket order.
    var buckets: [Bucket]

    init(buckets: [Bucket]) {
        self.buckets = buckets
    }

    /// Groups `events` (in one pass over their attribute texts; see ``AttributeCountGroups``).
    init(grouping events: EncodedEvents) {
        buckets = AttributeCountGroups.grouping(events).resolved()
    }
}
