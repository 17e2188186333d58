import InquestCore
import Testing
@testable import InquestExchange

@Suite struct CitationRemapTests {
    @Test func rewritesKnownCitationsAndDisarmsUnknownOnes() {
        let body = "see [[event:3]] and [[event:3]], then [[event:9]]; not [[event:x]]"
        let rewritten = CitationRemap.rewrite(body, [3: 40])
        #expect(rewritten == "see [[event:40]] and [[event:40]], then [[event:9 (not imported)]]; not [[event:x]]")
        #expect(EventCitation.citedEventIDs(in: rewritten) == [40])
    }
}
