/// Hand-written log4j-style fixtures.
enum Log4jFixtures {
    /// Two records with a folded Java stack trace, CRLF endings, a blank line and non-ASCII.
    static let stackTrace = """
    2026-11-20 10:15:03.123 ERROR [main] c.e.PaymentService - 支付失败：timeout 😀\r
    java.lang.IllegalStateException: boom\r
    \tat com.example.PaymentService.pay(PaymentService.java:42)\r
    \tat com.example.Main.main(Main.java:7)\r
    Caused by: java.io.IOException: reset\r
    \t... 2 more\r
    \r
    2026-11-20 10:15:04,500 INFO  [worker-1] c.e.Other - recovered\r

    """
}
