/// A binary min-heap: the smallest element (by `<`) is at ``top``; push and pop cost O(log n).
struct MinimumHeap<Element: Comparable & Sendable>: Sendable {
    /// The elements in heap order (each not greater than its children).
    private(set) var elements: [Element] = []

    var count: Int { elements.count }
    var isEmpty: Bool { elements.isEmpty }
    var top: Element? { elements.first }

    /// A heap of `elements`, in O(n).
    init<S: Sequence>(_ elements: S) where S.Element == Element {
        self.elements = Array(elements)
        var index = self.elements.count / 2
        while index > 0 {
            index -= 1
            siftDown(from: index)
        }
    }

    init() {}

    mutating func push(_ element: Element) {
        elements.append(element)
        var child = elements.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard elements[child] < elements[parent] else { break }
            elements.swapAt(child, parent)
            child = parent
        }
    }

    /// Removes and returns the smallest element; nil when empty.
    @discardableResult
    mutating func pop() -> Element? {
        guard let first = elements.first else { return nil }
        let last = elements.removeLast()
        if !elements.isEmpty {
            elements[0] = last
            siftDown(from: 0)
        }
        return first
    }

    private mutating func siftDown(from start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1
            guard left < elements.count else { return }
            let right = left + 1
            let child = right < elements.count && elements[right] < elements[left] ? right : left
            guard elements[child] < elements[parent] else { return }
            elements.swapAt(child, parent)
            parent = child
        }
    }
}
