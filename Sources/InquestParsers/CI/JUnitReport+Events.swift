import InquestCore

extension JUnitReport {
    /// One `.ci` event per failed or errored case, then one summary event for the report.
    ///
    /// - Failed case: severity error, message `FAILED Class.test: <first line of the failure message>`
    ///   (`ERROR ...` for an `<error>`), attributes `suite`, `classname`, `test`, `file`,
    ///   `duration_s`, `status`, `failure_type`, `failure_message`, `failure_body` (cut to
    ///   ``CIParseOptions/maxBodyBytes``); raw = the `<testcase>` element.
    /// - Summary: `JUnit: 808 tests, 1 failed, 14 skipped` (plus `N errors` when any), severity
    ///   info when nothing failed or errored, else error; counts come from the cases, the root's
    ///   declared counts are kept as `declared_*` attributes; raw = the root start tag.
    /// - Time: the suite's `timestamp` (UTC assumed, flagged `.zoneAssumed`, when it has no zone),
    ///   else ``CIParseOptions/fallbackTime`` flagged `.missing`.
    public func events(options: CIParseOptions) -> [Event] {
        var events: [Event] = []
        for suite in suites {
            let (time, quality) = Self.time(of: suite, options: options)
            for testCase in suite.cases where testCase.status == .failed || testCase.status == .error {
                events.append(Self.failureEvent(testCase, suite: suite, time: time, quality: quality, options: options))
            }
        }
        events.append(summaryEvent(options: options))
        return events
    }

    /// The summary event alone (see ``events(options:)``).
    public func summaryEvent(options: CIParseOptions) -> Event {
        let total = cases.count
        let failed = count(.failed)
        let errors = count(.error)
        let skipped = count(.skipped)
        var message = "JUnit: \(total) tests, \(failed) failed"
        if errors > 0 { message += ", \(errors) errors" }
        message += ", \(skipped) skipped"
        var attributes = CIAttributesText()
        attributes.add("tests", total)
        attributes.add("failed", failed)
        attributes.add("errors", errors)
        attributes.add("skipped", skipped)
        attributes.add("passed", count(.passed))
        attributes.add("suites", suites.count)
        for key in declared.keys.sorted() {
            if let value = declared[key] { attributes.add("declared_" + key, value) }
        }
        let first = suites.first { $0.timestamp != nil }
        let (time, quality) = first.map { Self.time(of: $0, options: options) } ?? (options.fallbackTime, .missing)
        return Event(
            timestamp: time, timestampText: first?.timestampText ?? "", timeQuality: quality,
            sourceKind: .ci, sourceName: options.sourceName,
            severity: failed + errors > 0 ? .error : .info,
            message: message, attributesJSON: attributes.finished, raw: rootTag,
            dedupeKey: DedupeKey(source: options.sourceIdentity, raw: rootTag, offset: Int64(rootOffset)))
    }

    private static func failureEvent(
        _ testCase: JUnitCase, suite: JUnitSuite, time: Timestamp, quality: TimeQuality, options: CIParseOptions
    ) -> Event {
        let headline = CIAttributesText.firstLine(testCase.failureMessage ?? "")
        let reason = headline.isEmpty ? CIAttributesText.firstLine(testCase.failureBody ?? "") : headline
        let verb = testCase.status == .error ? "ERROR" : "FAILED"
        var message = "\(verb) \(testCase.qualifiedName)"
        if !reason.isEmpty { message += ": " + CIAttributesText.truncated(reason, maxBytes: 500) }
        var attributes = CIAttributesText()
        attributes.add("suite", ifPresent: suite.name)
        attributes.add("classname", ifPresent: testCase.classname)
        attributes.add("test", testCase.name)
        attributes.add("file", ifPresent: testCase.file)
        if let seconds = testCase.durationSeconds { attributes.add("duration_s", seconds) }
        attributes.add("status", testCase.status.rawValue)
        attributes.add("failure_type", ifPresent: testCase.failureType)
        attributes.add("failure_message", ifPresent: testCase.failureMessage)
        attributes.add("failure_body", ifPresent: testCase.failureBody)
        attributes.add("hostname", ifPresent: suite.hostname)
        return Event(
            timestamp: time, timestampText: suite.timestamp == nil ? "" : suite.timestampText, timeQuality: quality,
            sourceKind: .ci, sourceName: options.sourceName, severity: .error, levelText: testCase.status.rawValue,
            host: suite.hostname, message: message, attributesJSON: attributes.finished, raw: testCase.raw,
            dedupeKey: DedupeKey(source: options.sourceIdentity, raw: testCase.raw, offset: Int64(testCase.offset)))
    }

    private static func time(of suite: JUnitSuite, options: CIParseOptions) -> (Timestamp, TimeQuality) {
        guard let timestamp = suite.timestamp else { return (options.fallbackTime, .missing) }
        return (timestamp, suite.timestampZoneKnown ? [] : .zoneAssumed)
    }
}
