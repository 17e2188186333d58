import Foundation
import InquestCore

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Parses JUnit XML reports of surefire, pytest, jest-junit, mocha, phpunit and similar tools.
///
/// Accepts a `<testsuites>` root, a `<testsuite>` root, nested `<testsuite>` elements (phpunit)
/// and a lone `<testcase>`. Unknown elements and attributes are ignored. Input must be UTF-8.
public enum JUnitReportParser {
    /// Parses `data` (the whole report file).
    ///
    /// - Throws: ``ParseError/malformedXML(line:column:path:reason:)`` for input that is not
    ///   well-formed (a truncated report), ``ParseError/invalidUTF8(line:column:)`` for bytes
    ///   that are not UTF-8, ``ParseError/notJUnit(rootElement:)`` when no JUnit
    ///   element occurs.
    public static func parse(_ data: Data, options: CIParseOptions) throws -> JUnitReport {
        let bytes = [UInt8](data)
        // FoundationXML traps on names and attribute values that are not UTF-8, so check first.
        if let bad = CIUTF8Validator.firstInvalidByte(in: bytes) {
            let (line, column) = CIUTF8Validator.lineAndColumn(of: bad, in: bytes)
            throw ParseError.invalidUTF8(line: line, column: column)
        }
        let collector = JUnitCollector(maxTextBytes: options.maxBodyBytes)
        let parser = XMLParser(data: data)
        parser.delegate = collector
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        let succeeded = parser.parse()
        if !succeeded || collector.depth != 0 {
            let reason = parser.parserError.map { String(describing: ($0 as NSError).localizedDescription) }
                ?? "document ends inside <\(collector.path.last ?? "?")>"
            throw ParseError.malformedXML(
                line: parser.lineNumber, column: parser.columnNumber,
                path: collector.path.joined(separator: "/"), reason: reason)
        }
        guard collector.sawJUnitElement else {
            throw ParseError.notJUnit(rootElement: collector.rootElement)
        }
        let slices = JUnitElementSlicer.testcaseRanges(in: bytes)
        let rootRange = JUnitElementSlicer.firstStartTag(named: collector.rootElement, in: bytes)
        var suites = collector.suites
        let total = suites.reduce(0) { $0 + $1.cases.count }
        for suiteIndex in suites.indices {
            for index in suites[suiteIndex].cases.indices {
                // The collector numbered cases in document order; slices are in document order too.
                let order = suites[suiteIndex].cases[index].offset
                if slices.count == total, order < slices.count {
                    let range = slices[order]
                    suites[suiteIndex].cases[index].raw = Array(bytes[range])
                    suites[suiteIndex].cases[index].offset = range.lowerBound
                } else {
                    suites[suiteIndex].cases[index].raw = Array(
                        JUnitElementSlicer.reserialised(suites[suiteIndex].cases[index]).utf8)
                    suites[suiteIndex].cases[index].offset = order + 1
                }
            }
        }
        return JUnitReport(
            suites: suites.filter { !$0.cases.isEmpty || !$0.name.isEmpty },
            rootElement: collector.rootElement,
            rootTag: rootRange.map { Array(bytes[$0]) } ?? Array("<\(collector.rootElement)>".utf8),
            rootOffset: rootRange?.lowerBound ?? 0,
            declared: collector.declared)
    }
}
