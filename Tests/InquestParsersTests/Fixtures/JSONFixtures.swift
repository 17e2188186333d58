/// Hand-written JSON-lines fixtures.
enum JSONFixtures {
    /// A record spread over several lines (Elasticsearch 7 style) between two one-line records, CRLF endings.
    static let multiLine = """
    {"ts":"2026-11-20T10:15:03.100Z","level":"info","msg":"before"}\r
    {"type": "main", "timestamp": "2019-01-10T10:46:55,705+0100", "level": "ERROR", "component": "o.e.b.Handler",\r
    "message": "fatal error in thread [Thread-2], exiting",\r
    "stacktrace": ["java.lang.OutOfMemoryError: die with dignity",\r
    "at org.elasticsearch.RestDieWithDignityAction.prepareRequest(RestDieWithDignityAction.java:44) ~[?:?]"] }\r
    {"ts":"2026-11-20T10:15:04Z","level":"warn","msg":"after"}\r

    """

    /// Non-ASCII: CJK, emoji, a full-width colon, an escaped code point and a surrogate pair.
    static let nonASCII = #"""
    {"time":"2026-11-20 10:15:03","level":"WARN","message":"支付服务超时：订单 42 😀","service":"支付","note":"\u4e2d\ud83d\ude00"}
    """#
}
