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
    /// Every template by id, absorbed ones included (they carry ``LogTemplate/mergedInto``).
    public internal(set) var templates: [Int64: LogTemplate] = [:]
    /// Ids changed since the last ``takeChanges()``.
    var changed: Set<Int64> = []
    var nextID: Int64
    var leaves: [LeafKey: [Int64]] = [:]
    var liveCount = 0
    /// Word tuples seen per widened template text, capped in size and count.
    var evidence: [[String]: Set<[String]>] = [:]
    var shapeCache: [[String]: Int64] = [:]
    var catchAll: [Int: Int64] = [:]

    public init(settings: TemplateMinerSettings = TemplateMinerSettings(), nextID: Int64 = 1) {
        self.settings = settings
        self.nextID = max(1, nextID)
    }

    /// The id of the template `message` belongs to (its canonical id), after learning from it.
    public mutating func mine(_ message: String) -> Int64 {
        mine(tokens: MessageMasker.tokens(of: message))
    }

    /// As ``mine(_:)`` for tokens already masked.
    public mutating func mine(tokens: [String]) -> Int64 {
        if let cached = shapeCache[tokens] {
            let id = canonicalID(of: cached)
            record(id)
            return id
        }
        let id = assign(tokens)
        if shapeCache.count >= settings.shapeCacheSize { shapeCache.removeAll(keepingCapacity: true) }
        shapeCache[tokens] = id
        record(id)
        return id
    }

    /// The id a (possibly absorbed) template id now reads as.
    public func canonicalID(of id: Int64) -> Int64 { templates.canonicalID(of: id) }

    /// The canonical template of `id`.
    public func template(_ id: Int64) -> LogTemplate? { templates[canonicalID(of: id)] }

    /// Templates created, widened, counted or absorbed since the last call.
    public mutating func takeChanges() -> [LogTemplate] {
        defer { changed.removeAll(keepingCapacity: true) }
        return changed.sorted().compactMap { templates[$0] }
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
        templates[id]?.count += 1
        changed.insert(id)
    }

    mutating func noteChanged(_ id: Int64) { changed.insert(id) }
}
