/// Runs a ``FilterRegex`` program over scalars as a Pike VM: every thread advances in lock step,
/// one scalar at a time, and a program counter holds at most one thread per step, so a search
/// costs at most (scalars × instructions) steps whatever the pattern.
struct FilterRegexMatcher {
    private let program: [FilterRegexInstruction]
    private let classes: [FilterRegexClass]

    /// Threads in priority order, at most one per program counter.
    private struct ThreadList {
        var counters: [Int] = []
        var starts: [Int] = []
        var seen: [UInt32]
        var generation: UInt32 = 1

        init(size: Int) { seen = Array(repeating: 0, count: size) }

        mutating func clear() {
            counters.removeAll(keepingCapacity: true)
            starts.removeAll(keepingCapacity: true)
            generation &+= 1
            if generation == 0 {
                for index in seen.indices { seen[index] = 0 }
                generation = 1
            }
        }

        /// Marks a program counter as visited in this step; false when it already was.
        mutating func visit(_ counter: Int) -> Bool {
            guard seen[counter] != generation else { return false }
            seen[counter] = generation
            return true
        }
    }

    init(regex: FilterRegex) {
        program = regex.program
        classes = regex.classes
    }

    /// The leftmost-first match starting at or after `from`, in scalar offsets; with
    /// `stopEarly` the first match found ends the search (enough to answer yes or no).
    func firstMatch(in scalars: [Unicode.Scalar], from: Int, stopEarly: Bool = false) -> Range<Int>? {
        var matched: Range<Int>?
        var current = ThreadList(size: program.count)
        var next = ThreadList(size: program.count)
        var stack: [(Int, Int)] = []
        var position = from
        while position <= scalars.count {
            if matched == nil { addThread(to: &current, stack: &stack, counter: 0, start: position, at: position, in: scalars) }
            if current.counters.isEmpty {
                // No thread alive: done once a match is found, else a start here failed an
                // assertion (`\bfail` inside a word) and the next position may still match.
                if matched != nil { break }
                current.clear()
                position += 1
                continue
            }
            next.clear()
            var index = 0
            threads: while index < current.counters.count {
                let counter = current.counters[index]
                let start = current.starts[index]
                index += 1
                let consumed: Bool
                switch program[counter] {
                case .match:
                    matched = start..<position
                    if stopEarly { return matched }
                    // Threads after this one have lower priority: drop them.
                    break threads
                case .scalar(let scalar):
                    consumed = position < scalars.count && scalars[position] == scalar
                case .any:
                    consumed = position < scalars.count && scalars[position] != "\n"
                case .set(let set):
                    consumed = position < scalars.count && classes[set].contains(scalars[position])
                case .split, .jump, .atStart, .atEnd, .wordBoundary:
                    consumed = false
                }
                if consumed { addThread(to: &next, stack: &stack, counter: counter + 1, start: start, at: position + 1, in: scalars) }
            }
            swap(&current, &next)
            position += 1
        }
        return matched
    }

    /// Adds the thread and everything reachable from it without consuming (jumps, splits in
    /// order of preference, assertions that hold here), with an explicit stack.
    private func addThread(to list: inout ThreadList, stack: inout [(Int, Int)], counter: Int, start: Int, at position: Int, in scalars: [Unicode.Scalar]) {
        stack.removeAll(keepingCapacity: true)
        stack.append((counter, start))
        while let (pc, threadStart) = stack.popLast() {
            guard pc < program.count, list.visit(pc) else { continue }
            switch program[pc] {
            case .jump(let offset):
                stack.append((pc + offset, threadStart))
            case .split(let preferred, let other):
                stack.append((pc + other, threadStart))
                stack.append((pc + preferred, threadStart))
            case .atStart:
                if position == 0 { stack.append((pc + 1, threadStart)) }
            case .atEnd:
                if position == scalars.count { stack.append((pc + 1, threadStart)) }
            case .wordBoundary(let wanted):
                let before = position > 0 && FilterRegexClass.isWord(scalars[position - 1])
                let after = position < scalars.count && FilterRegexClass.isWord(scalars[position])
                if (before != after) == wanted { stack.append((pc + 1, threadStart)) }
            case .scalar, .any, .set, .match:
                list.counters.append(pc)
                list.starts.append(threadStart)
            }
        }
    }
}
