import InquestCore

/// The outcome of one JUnit test case.
public enum JUnitStatus: String, Sendable, Hashable, CaseIterable {
    case passed
    /// An assertion failed (`<failure>`).
    case failed
    /// The test could not run to an assertion (`<error>`).
    case error
    /// The test was not run (`<skipped>`, jest/mocha `<skipped/>`, surefire `<skipped message=...>`).
    case skipped
}

/// One `<testcase>` of a JUnit report.
public struct JUnitCase: Sendable, Hashable {
    /// The name of the innermost `<testsuite>` holding the case (empty when there is none).
    public var suite: String
    /// The `classname` attribute (surefire: the test class; jest: the describe path; may be empty).
    public var classname: String
    /// The `name` attribute.
    public var name: String
    /// The `file` attribute (pytest, phpunit), when present.
    public var file: String?
    /// The `time` attribute in seconds, when present and numeric.
    public var durationSeconds: Double?
    public var status: JUnitStatus
    /// The `message` attribute of `<failure>`/`<error>`/`<skipped>`.
    public var failureMessage: String?
    /// The `type` attribute of `<failure>`/`<error>` (an exception class).
    public var failureType: String?
    /// The text inside `<failure>`/`<error>` (a stack trace), trimmed.
    public var failureBody: String?
    /// `<system-out>` text, cut to the options' ``CIParseOptions/maxBodyBytes``.
    public var systemOut: String?
    /// `<system-err>` text, cut to the options' ``CIParseOptions/maxBodyBytes``.
    public var systemErr: String?
    /// The `<testcase>` element's bytes exactly as in the input (or a compact re-serialisation
    /// when they could not be sliced).
    public var raw: [UInt8]
    /// Byte offset of the element in the input (or, when it could not be sliced, its index).
    public var offset: Int

    /// `classname.name`, or `name` alone when there is no class name.
    public var qualifiedName: String {
        let owner = classname.isEmpty ? (file ?? "") : classname
        return owner.isEmpty ? name : owner + "." + name
    }
}

/// One `<testsuite>` element; nested suites (phpunit) are listed separately, each with its own cases.
public struct JUnitSuite: Sendable, Hashable {
    public var name: String
    /// The `timestamp` attribute exactly as written (empty when absent; inherited from an
    /// enclosing suite when a nested suite has none).
    public var timestampText: String
    /// The `timestamp` attribute read as an instant (UTC assumed when it has no zone).
    public var timestamp: Timestamp?
    /// True when ``timestampText`` carried a zone or offset.
    public var timestampZoneKnown: Bool
    public var hostname: String?
    /// The cases directly inside this suite.
    public var cases: [JUnitCase]
}

/// A parsed JUnit XML report: the suites and the totals its root declared.
public struct JUnitReport: Sendable, Hashable {
    public var suites: [JUnitSuite]
    /// The root element's name (`testsuites`, `testsuite` or `testcase`).
    public var rootElement: String
    /// The root element's start tag bytes, e.g. `<testsuites tests="808" failures="1">`.
    public var rootTag: [UInt8]
    /// Byte offset of the root element.
    public var rootOffset: Int
    /// The counts the root element declares (`tests`, `failures`, `errors`, `skipped`), when it does.
    public var declared: [String: Int]

    /// Every case of every suite, in document order.
    public var cases: [JUnitCase] { suites.flatMap(\.cases).sorted { $0.offset < $1.offset } }

    /// The number of cases with `status`, counted from the cases themselves.
    public func count(_ status: JUnitStatus) -> Int {
        suites.reduce(0) { total, suite in total + suite.cases.filter { $0.status == status }.count }
    }
}
