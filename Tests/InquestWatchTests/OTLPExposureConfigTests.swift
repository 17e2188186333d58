import Foundation
import Testing
@testable import InquestWatch

@Suite("An OTLP receiver is open to other machines only on purpose, and then only with a token")
struct OTLPExposureConfigTests {
    static func config(_ extra: String) -> String {
        "feeds:\n  - name: traces\n    kind: otlp\n    port: 4318\n" + extra
    }

    @Test(arguments: [
        ("    host: 0.0.0.0\n", "feeds[0].host: 0.0.0.0 accepts posts from other machines"),
        ("    host: 192.168.1.20\n", "feeds[0].host: 192.168.1.20 accepts posts from other machines"),
        ("    host: localhost\n", "feeds[0].host: \"localhost\": expected an IPv4 address"),
        ("    host: \"::\"\n", "feeds[0].host: \"::\": IPv6 addresses are not supported"),
        ("    host: 0.0.0.0\n    allow_remote: true\n", "feeds[0].token_file: a receiver open to other machines needs `token_file:`"),
        ("    host: 0.0.0.0\n    allow_remote: maybe\n", "feeds[0].allow_remote: expected true or false"),
    ])
    func refusesAnAccidentalOrUnauthenticatedRemoteBinding(extra: String, message: String) {
        #expect {
            try WatchConfig.parse(Self.config(extra), path: "watch.yaml")
        } throws: { error in
            "\(error)".contains(message)
        }
    }

    @Test func acceptsLoopbackByDefaultAndARemoteBindingWithAToken() throws {
        let local = try WatchConfig.parse(Self.config(""), path: "watch.yaml")
        #expect(local.feeds[0].target == .otlp(host: "127.0.0.1", port: 4318, tokenFile: nil))
        let loopbackAlias = try WatchConfig.parse(Self.config("    host: 127.0.0.2\n"), path: "watch.yaml")
        #expect(loopbackAlias.feeds[0].target == .otlp(host: "127.0.0.2", port: 4318, tokenFile: nil))
        let remote = try WatchConfig.parse(
            Self.config("    host: 0.0.0.0\n    allow_remote: true\n    token_file: /etc/inquest/otlp.token\n"), path: "watch.yaml")
        #expect(remote.feeds[0].target == .otlp(host: "0.0.0.0", port: 4318, tokenFile: "/etc/inquest/otlp.token"))
        let feed = try #require(try remote.makeFeeds().first as? OTLPReceiverFeed)
        #expect(feed.tokenFile == "/etc/inquest/otlp.token")
    }
}
