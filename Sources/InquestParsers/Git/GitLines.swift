/// The lines of a text with their byte ranges (line terminator `\n`, a preceding `\r` dropped).
struct GitLines {
    private let bytes: [UInt8]
    private var starts: [Int] = []
    private var ends: [Int] = []

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            starts.append(start)
            ends.append(index > start && bytes[index - 1] == 0x0D ? index - 1 : index)
            start = index + 1
        }
        if start < bytes.count {
            starts.append(start)
            ends.append(bytes.count)
        }
    }

    var count: Int { starts.count }

    /// Byte offset of line `index` (0-based).
    func start(_ index: Int) -> Int { starts[index] }

    /// Byte offset just past line `index`'s text (before its terminator).
    func end(_ index: Int) -> Int { ends[index] }

    /// Line `index`'s text (invalid UTF-8 repaired).
    func text(_ index: Int) -> String {
        String(decoding: bytes[starts[index]..<ends[index]], as: UTF8.self)
    }
}
