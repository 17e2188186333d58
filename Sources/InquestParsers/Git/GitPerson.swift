/// A person line of `git log --pretty=fuller` (`Author:     Name <email>`).
public struct GitPerson: Sendable, Hashable {
    public var name: String
    public var email: String

    public init(name: String, email: String) {
        self.name = name
        self.email = email
    }

    /// Reads `Name <email>`; text without `<...>` is taken as the name alone.
    init(written: String) {
        if let open = written.lastIndex(of: "<"), written.hasSuffix(">") {
            name = String(written[..<open]).gitTrimmingSpaces
            email = String(written[written.index(after: open)..<written.index(before: written.endIndex)])
        } else {
            name = written.gitTrimmingSpaces
            email = ""
        }
    }
}
