/// A ``GitDeployRule`` with its patterns compiled, for the duration of one parse.
struct GitDeployMatcher {
    let tag: Regex<AnyRegexOutput>?
    let subject: Regex<AnyRegexOutput>?

    func isDeploy(tagName: String) -> Bool {
        guard let tag else { return false }
        return (try? tag.firstMatch(in: tagName)) != nil
    }

    func isDeploy(subject text: String) -> Bool {
        guard let subject else { return false }
        return (try? subject.firstMatch(in: text)) != nil
    }
}
