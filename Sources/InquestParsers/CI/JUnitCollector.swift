import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// The `XMLParser` delegate that builds suites and cases; used by one parse call only.
final class JUnitCollector: NSObject, XMLParserDelegate {
    private let maxTextBytes: Int
    private(set) var suites: [JUnitSuite] = []
    private(set) var path: [String] = []
    private(set) var rootElement = ""
    private(set) var sawJUnitElement = false
    private(set) var declared: [String: Int] = [:]
    private var suiteStack: [Int] = []
    private var current: JUnitCase?
    private var text = ""
    private var collectingText = false
    private var casesSeen = 0

    var depth: Int { path.count }

    init(maxTextBytes: Int) {
        self.maxTextBytes = maxTextBytes
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes: [String: String] = [:]
    ) {
        if path.isEmpty {
            rootElement = elementName
            for key in ["tests", "failures", "errors", "skipped", "disabled"] {
                if let value = attributes[key].flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) {
                    declared[key] = value
                }
            }
        }
        path.append(elementName)
        switch elementName {
        case "testsuites":
            sawJUnitElement = true
        case "testsuite":
            sawJUnitElement = true
            openSuite(attributes)
        case "testcase":
            sawJUnitElement = true
            openCase(attributes)
        case "failure", "error", "skipped":
            guard current != nil else { return }
            applyOutcome(elementName, attributes)
            beginText()
        case "system-out", "system-err":
            if current != nil { beginText() }
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard collectingText, text.utf8.count <= maxTextBytes * 2 else { return }
        text += string
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        guard collectingText, text.utf8.count <= maxTextBytes * 2 else { return }
        text += String(decoding: CDATABlock, as: UTF8.self)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        if !path.isEmpty { path.removeLast() }
        switch elementName {
        case "testsuite":
            if !suiteStack.isEmpty { suiteStack.removeLast() }
        case "testcase":
            closeCase()
        case "failure", "error":
            let body = endText()
            if !body.isEmpty, current?.failureBody == nil {
                current?.failureBody = CIAttributesText.truncated(body, maxBytes: maxTextBytes)
            }
        case "skipped":
            let body = endText()
            if current?.failureMessage == nil, !body.isEmpty { current?.failureMessage = body }
        case "system-out":
            let body = endText()
            if !body.isEmpty { current?.systemOut = CIAttributesText.truncated(body, maxBytes: maxTextBytes) }
        case "system-err":
            let body = endText()
            if !body.isEmpty { current?.systemErr = CIAttributesText.truncated(body, maxBytes: maxTextBytes) }
        default:
            break
        }
    }

    private func openSuite(_ attributes: [String: String]) {
        let written = attributes["timestamp"] ?? ""
        let parent = suiteStack.last.map { suites[$0] }
        var suite = JUnitSuite(
            name: attributes["name"] ?? "", timestampText: written, timestamp: nil, timestampZoneKnown: false,
            hostname: attributes["hostname"], cases: [])
        if let read = CITimeReader.read(written.trimmingCharacters(in: .whitespaces)) {
            suite.timestamp = read.time
            suite.timestampZoneKnown = read.zoneKnown
        } else if let parent, parent.timestamp != nil {
            suite.timestampText = parent.timestampText
            suite.timestamp = parent.timestamp
            suite.timestampZoneKnown = parent.timestampZoneKnown
        }
        suites.append(suite)
        suiteStack.append(suites.count - 1)
    }

    private func openCase(_ attributes: [String: String]) {
        if suiteStack.isEmpty {
            suites.append(JUnitSuite(name: "", timestampText: "", timestamp: nil, timestampZoneKnown: false, hostname: nil, cases: []))
            suiteStack.append(suites.count - 1)
        }
        current = JUnitCase(
            suite: suiteStack.last.map { suites[$0].name } ?? "",
            classname: attributes["classname"] ?? attributes["class"] ?? "",
            name: attributes["name"] ?? "",
            file: attributes["file"],
            durationSeconds: attributes["time"].flatMap(Self.seconds),
            status: .passed, failureMessage: nil, failureType: nil, failureBody: nil,
            systemOut: nil, systemErr: nil, raw: [], offset: casesSeen)
        casesSeen += 1
    }

    private func applyOutcome(_ elementName: String, _ attributes: [String: String]) {
        guard var testCase = current else { return }
        let status: JUnitStatus = elementName == "failure" ? .failed : elementName == "error" ? .error : .skipped
        // The first failure or error decides; a later <skipped> does not hide a failure.
        if testCase.status == .passed || (testCase.status == .skipped && status != .skipped) {
            testCase.status = status
            testCase.failureMessage = attributes["message"].map { CIAttributesText.truncated($0, maxBytes: maxTextBytes) }
            testCase.failureType = attributes["type"]
        }
        current = testCase
    }

    private func closeCase() {
        guard let testCase = current, let suiteIndex = suiteStack.last else { return }
        suites[suiteIndex].cases.append(testCase)
        current = nil
        if rootElement == "testcase" || (path.last == "testsuites" && suites[suiteIndex].name.isEmpty) {
            // An implicit suite opened for a case outside any <testsuite>; close it again.
            suiteStack.removeLast()
        }
    }

    private func beginText() {
        text = ""
        collectingText = true
    }

    private func endText() -> String {
        collectingText = false
        defer { text = "" }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Reads a `time` attribute: `0.123`, `1,234.5` (thousands separators) or empty.
    static func seconds(_ text: String) -> Double? {
        let cleaned = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: "")
        guard let value = Double(cleaned), value.isFinite else { return nil }
        return value
    }
}
