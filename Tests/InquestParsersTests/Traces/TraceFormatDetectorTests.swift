import Foundation
import Testing

@testable import InquestParsers

@Suite("Trace format detector")
struct TraceFormatDetectorTests {
    @Test("recognises OTLP, Jaeger (single trace and envelope) and Zipkin")
    func recognisesFormats() {
        #expect(TraceFormatDetector.detect(TraceFixture.data(OTLPTraceParserTests.twoScopes)) == .otlp)
        #expect(TraceFormatDetector.detect(TraceFixture.data(JaegerTraceParserTests.trace)) == .jaeger)
        #expect(TraceFormatDetector.detect(TraceFixture.data(#"  {"data":[\#(JaegerTraceParserTests.trace)]}"#)) == .jaeger)
        #expect(TraceFormatDetector.detect(TraceFixture.data(#"[{"traceId":"a","id":"1","name":"x"}]"#)) == .zipkin)
    }

    @Test("returns nil for logs, other JSON and empty input")
    func rejectsOthers() {
        #expect(TraceFormatDetector.detect(TraceFixture.data("2024-01-01 INFO started\n")) == nil)
        #expect(TraceFormatDetector.detect(TraceFixture.data(#"{"level":"info","msg":"id"}"#)) == nil)
        #expect(TraceFormatDetector.detect(Data()) == nil)
        #expect(TraceFormatDetector.detect(TraceFixture.data(#"{"level":"info","traceId":"ab","id":"1","msg":"x"}"#)) == nil)
        #expect(TraceFormatDetector.detect(TraceFixture.data(#"{"spanID":"ab","msg":"no spans array"}"#)) == nil)
    }
}
