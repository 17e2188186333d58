/// The parsed form of a filter: terms combined with AND, OR and NOT.
///
/// The parser flattens nested groups of the same kind (`a (b c)` is one `and` of three terms)
/// and never produces an `and`/`or` with fewer than two children.
public indirect enum FilterExpression: Sendable, Hashable {
    /// Every child must match (juxtaposition or `AND`).
    case and([FilterExpression])
    /// At least one child must match (`OR`).
    case or([FilterExpression])
    /// The child must not match (`-` prefix or `NOT`).
    case not(FilterExpression)
    /// One condition.
    case term(FilterTerm)
}

extension FilterExpression {
    /// Joins expressions with AND, flattening nested ANDs; a single expression is returned as is.
    public static func all(_ items: [FilterExpression]) -> FilterExpression {
        var flat: [FilterExpression] = []
        for item in items {
            if case .and(let children) = item { flat.append(contentsOf: children) } else { flat.append(item) }
        }
        return flat.count == 1 ? flat[0] : .and(flat)
    }

    /// Joins expressions with OR, flattening nested ORs; a single expression is returned as is.
    public static func any(_ items: [FilterExpression]) -> FilterExpression {
        var flat: [FilterExpression] = []
        for item in items {
            if case .or(let children) = item { flat.append(contentsOf: children) } else { flat.append(item) }
        }
        return flat.count == 1 ? flat[0] : .or(flat)
    }

    /// The free-text words and phrases that must appear (those not under a NOT), in order,
    /// without duplicates. Prefix searches give their stem.
    public var positiveTextTerms: [String] {
        var terms: [String] = []
        collectPositiveText(into: &terms)
        var seen = Set<String>()
        return terms.filter { seen.insert($0).inserted }
    }

    private func collectPositiveText(into terms: inout [String]) {
        switch self {
        case .and(let children), .or(let children):
            for child in children { child.collectPositiveText(into: &terms) }
        case .not:
            return
        case .term(.text(let text)):
            terms.append(text.text)
        case .term(.substring(let text)):
            terms.append(text)
        case .term:
            return
        }
    }

    /// The regular expressions that must match (those not under a NOT), in order, for highlighting.
    public var positiveRegexes: [FilterRegex] {
        var found: [FilterRegex] = []
        var pending = [self]
        while let expression = pending.popLast() {
            switch expression {
            case .and(let children), .or(let children): pending += children.reversed()
            case .term(.regex(let regex)): if !found.contains(regex) { found.append(regex) }
            case .not, .term: continue
            }
        }
        return found
    }
}
