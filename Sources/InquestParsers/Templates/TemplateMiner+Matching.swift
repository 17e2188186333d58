import InquestCore

extension TemplateMiner {
    /// Where a token sequence lands in the prefix tree: its count and leading tokens.
    struct LeafKey: Hashable, Sendable {
        var count: Int
        var prefix: [String]

        init(_ tokens: [String], depth: Int) {
            count = tokens.count
            prefix = tokens.prefix(depth).map { $0.contains(MessageMasker.wildcard) ? MessageMasker.wildcard : $0 }
        }
    }

    /// How a message compares with a template: the share of the template's constants it
    /// matches, and the places where both hold different plain words. A place where either
    /// holds a code location (``MessageMasker/isCodeLocation(_:)``) and the other differs
    /// makes the similarity 0: the message is another statement's.
    struct Comparison {
        var similarity: Double
        var wordPlaces: [Int]
    }

    static func compare(_ template: [String], _ tokens: [String]) -> Comparison {
        var constants = 0
        var same = 0
        var wordPlaces: [Int] = []
        for index in template.indices {
            let constant = template[index]
            if constant == MessageMasker.wildcard { continue }
            constants += 1
            let token = tokens[index]
            if constant == token {
                same += 1
            } else if !constant.contains(MessageMasker.wildcard), !token.contains(MessageMasker.wildcard) {
                // Another code location is another log statement: never the same template.
                if MessageMasker.isCodeLocation(constant) || MessageMasker.isCodeLocation(token) {
                    return Comparison(similarity: 0, wordPlaces: [])
                }
                wordPlaces.append(index)
            }
        }
        return Comparison(similarity: constants == 0 ? 1 : Double(same) / Double(constants), wordPlaces: wordPlaces)
    }

    static func widened(_ template: [String], _ tokens: [String]) -> [String] {
        zip(template, tokens).map { $0 == $1 ? $0 : MessageMasker.wildcard }
    }

    /// Finds or creates the template for `tokens` and returns its id (not yet counted).
    mutating func assign(_ tokens: [String]) -> Int64 {
        let key = LeafKey(tokens, depth: settings.prefixDepth)
        let leaf = leaves[key] ?? []
        var free: (id: Int64, similarity: Double)?
        var candidate: (id: Int64, similarity: Double, places: [Int])?
        for id in leaf {
            guard let template = templates[id] else { continue }
            let comparison = Self.compare(template.tokens, tokens)
            guard comparison.similarity >= settings.similarity else { continue }
            if comparison.wordPlaces.isEmpty || settings.distinctWordsForVariable <= 1 {
                if comparison.similarity > free?.similarity ?? -1 { free = (id, comparison.similarity) }
            } else if comparison.similarity > candidate?.similarity ?? -1 {
                candidate = (id, comparison.similarity, comparison.wordPlaces)
            }
        }
        if let free {
            widen(free.id, with: tokens)
            return free.id
        }
        if let candidate, let template = templates[candidate.id] {
            let wider = Self.widened(template.tokens, tokens)
            var seen = evidence[wider] ?? []
            seen.insert(candidate.places.map { template.tokens[$0] })
            seen.insert(candidate.places.map { tokens[$0] })
            if seen.count >= settings.distinctWordsForVariable {
                evidence[wider] = nil
                absorb(into: candidate.id, wider: wider, leafKey: key)
                return candidate.id
            }
            if evidence.count >= settings.maximumTemplates { evidence.removeAll(keepingCapacity: true) }
            evidence[wider] = seen
        }
        guard liveCount < settings.maximumTemplates else { return catchAllID(for: tokens) }
        return create(tokens, leafKey: key)
    }

    private mutating func widen(_ id: Int64, with tokens: [String]) {
        guard let template = templates[id] else { return }
        let wider = Self.widened(template.tokens, tokens)
        if wider != template.tokens {
            templates[id]?.tokens = wider
            noteChanged(id)
        }
    }

    /// Widens `survivor` to `wider`, then folds every other live template of the leaf that fits
    /// it into `survivor` (widening further where they differ in places already variable).
    private mutating func absorb(into survivor: Int64, wider: [String], leafKey: LeafKey) {
        applyUncounted()
        absorptions += 1
        templates[survivor]?.tokens = wider
        noteChanged(survivor)
        var kept: [Int64] = []
        for id in leaves[leafKey] ?? [] {
            guard id != survivor, let other = templates[id], let current = templates[survivor] else {
                kept.append(id)
                continue
            }
            let fits = zip(wider, other.tokens).allSatisfy { $0 == MessageMasker.wildcard || $0 == $1 }
            guard fits else {
                kept.append(id)
                continue
            }
            templates[survivor]?.tokens = Self.widened(current.tokens, other.tokens)
            templates[survivor]?.count += other.count
            templates[id]?.mergedInto = survivor
            noteChanged(id)
            liveCount -= 1
        }
        leaves[leafKey] = kept
    }

    private mutating func create(_ tokens: [String], leafKey: LeafKey?) -> Int64 {
        let id = nextID
        nextID += 1
        templates[id] = LogTemplate(id: id, tokens: tokens, count: 0)
        if let leafKey { leaves[leafKey, default: []].append(id) }
        liveCount += 1
        noteChanged(id)
        return id
    }

    /// The all-`<*>` template of this token count, created on first need past the cap; it sits
    /// in no leaf, so it never draws a message that fits a real template.
    private mutating func catchAllID(for tokens: [String]) -> Int64 {
        if let id = catchAll[tokens.count] { return id }
        let id = create(Array(repeating: MessageMasker.wildcard, count: tokens.count), leafKey: nil)
        liveCount -= 1
        catchAll[tokens.count] = id
        return id
    }
}
