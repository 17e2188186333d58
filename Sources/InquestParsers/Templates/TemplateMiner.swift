import Foundation
import InquestCore

/// A streaming log-template miner in the Drain family: one pass, no training, bounded memory.
///
/// Each message is masked by shape (``MessageMasker``), then descends a fixed-depth prefix tree
/// (token count, then the first ``TemplateMinerSettings/prefixDepth`` tokens) to a leaf of
/// templates; it joins the most similar template there (share of the template's constants it
/// matches ≥ ``TemplateMinerSettings/similarity``), widening differing tokens to `<*>`, or starts
/// a new one. A difference in plain words widens a template only after
/// ``TemplateMinerSettings/distinctWordsForVariable`` distinct words were seen at those places;
/// the widening then absorbs the templates in the leaf that fit it (their ids become aliases).
///
/// Ids start at ``init(settings:nextID:)``'s `nextID` and never change; ``restore(_:)`` seeds a
/// miner with templates saved earlier so ids survive re-opening.
public struct TemplateMiner: Sendable {
    public let settings: TemplateMinerSettings
    /// Every template by id, absorbed ones included (they carry ``LogTemplate/mergedInto``); the
    /// counts of events mined since the last ``takeChanges()`` wait in `uncounted`.
    var templates: [Int64: LogTemplate] = [:]
    /// Events mined per template id and not yet added to its count: one small dictionary update
    /// per message on the writer's thread instead of rewriting the template's entry.
    var uncounted: [Int64: Int64] = [:]
    /// Ids changed since the last ``takeChanges()``.
    var changed: Set<Int64> = []
    var nextID: Int64
    var leaves: [LeafKey: [Int64]] = [:]
    var liveCount = 0
    /// Word tuples seen per widened template text, capped in size and count.
    var evidence: [[String]: Set<[String]>] = [:]
    /// Masked texts (``MessageMasker/masked(_:)``) remembered with their template, by
    /// ``MaskedMessages/hash(_:)`` (a hit's bytes are compared, so a collision is only a miss).
    var shapeCache: [UInt64: CachedShape] = [:]
    /// Absorptions so far: a cached shape's canonical id is current while this is unchanged.
    var absorptions = 0
    var catchAll: [Int: Int64] = [:]

    public init(settings: TemplateMinerSettings = TemplateMinerSettings(), nextID: Int64 = 1) {
        self.settings = settings
        self.nextID = max(1, nextID)
    }

    /// The id of the template `message` belongs to (its canonical id), after learning from it.
    public mutating func mine(_ message: String) -> Int64 {
        mine(masked: MessageMasker.masked(message))
    }

    /// As ``mine(_:)`` for a message already masked by ``MessageMasker/masked(_:)``.
    public mutating func mine(masked text: String) -> Int64 {
        var text = text
        return text.withUTF8 { mine(shape: $0, hash: MaskedMessages.hash($0)) }
    }

    /// The ids of the templates a batch of masked messages belongs to, in order (the parsing
    /// threads mask; the one miner looks each message up by its hash, and walks its tree only for
    /// a new shape).
    public mutating func mine(_ messages: MaskedMessages) -> [Int64] {
        var ids: [Int64] = []
        ids.reserveCapacity(messages.count)
        messages.forEach { shape, hash in ids.append(mine(shape: shape, hash: hash)) }
        return ids
    }

    private mutating func mine(shape: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int64 {
        if var cached = shapeCache[hash], cached.holds(shape) {
            if cached.absorptionsSeen != absorptions {
                cached.id = canonicalID(of: cached.id)
                cached.absorptionsSeen = absorptions
                shapeCache[hash] = cached
            }
            record(cached.id)
            return cached.id
        }
        let id = assign(MessageMasker.tokens(ofMasked: String(decoding: shape, as: UTF8.self)))
        if shapeCache.count >= settings.shapeCacheSize { shapeCache.removeAll(keepingCapacity: true) }
        if shapeCache[hash] == nil {
            shapeCache[hash] = CachedShape(bytes: Array(shape), id: id, absorptionsSeen: absorptions)
        }
        record(id)
        return id
    }

    /// The id a (possibly absorbed) template id now reads as.
    public func canonicalID(of id: Int64) -> Int64 { templates.canonicalID(of: id) }

    /// The canonical template of `id`, with every event mined so far counted.
    public func template(_ id: Int64) -> LogTemplate? {
        let canonical = canonicalID(of: id)
        guard var template = templates[canonical] else { return nil }
        template.count += uncounted[canonical] ?? 0
        return template
    }

    /// Templates created, widened or absorbed since the last call, with every event mined so far
    /// counted (a template only counted is not a change: the store counts its stored events itself).
    public mutating func takeChanges() -> [LogTemplate] {
        applyUncounted()
        defer { changed.removeAll(keepingCapacity: true) }
        return changed.sorted().compactMap { templates[$0] }
    }

    /// Adds the events mined since the last call to their templates' counts.
    mutating func applyUncounted() {
        for (id, count) in uncounted { templates[id]?.count += count }
        uncounted.removeAll(keepingCapacity: true)
    }

    /// Seeds the miner with templates saved earlier (their ids, texts, counts and aliases).
    public mutating func restore(_ saved: [LogTemplate]) {
        for template in saved.sorted(by: { $0.id < $1.id }) {
            templates[template.id] = template
            nextID = max(nextID, template.id + 1)
            guard template.mergedInto == nil else { continue }
            if template.tokens.allSatisfy({ $0 == MessageMasker.wildcard }) {
                catchAll[template.tokens.count] = template.id
                continue
            }
            leaves[LeafKey(template.tokens, depth: settings.prefixDepth), default: []].append(template.id)
            liveCount += 1
        }
    }

    private mutating func record(_ id: Int64) {
        uncounted[id, default: 0] += 1
    }

    mutating func noteChanged(_ id: Int64) { changed.insert(id) }
}

extension TemplateMiner {
    /// A masked text the miner has seen, with the template it belongs to (its canonical id as of
    /// `absorptionsSeen` absorptions).
    struct CachedShape: Sendable {
        var bytes: [UInt8]
        var id: Int64
        var absorptionsSeen: Int

        func holds(_ shape: UnsafeBufferPointer<UInt8>) -> Bool {
            guard bytes.count == shape.count else { return false }
            return bytes.withUnsafeBufferPointer { own in
                guard let mine = own.baseAddress, let other = shape.baseAddress else { return true }
                return memcmp(mine, other, own.count) == 0
            }
        }
    }
}
