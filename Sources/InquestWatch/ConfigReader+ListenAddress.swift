import Foundation
import Yams

extension ConfigReader {
    /// The IPv4 address an OTLP receiver binds (`host:`, default 127.0.0.1), checked here rather
    /// than when the feed starts: names (`localhost`) and IPv6 (`::`) are refused, and an address
    /// beyond loopback (`0.0.0.0`, a LAN address) needs `allow_remote: true` and a `token_file:`,
    /// so that accepting posts from other machines is always a deliberate, authenticated choice.
    func listenAddress(_ mapping: Node.Mapping, field: String) throws -> String {
        let hostNode = mapping["host"]
        let host = try hostNode.map { try string($0, "\(field).host") } ?? "127.0.0.1"
        var address = in_addr()
        guard inet_pton(AF_INET, host, &address) == 1 else {
            let hint = host.contains(":")
                ? "IPv6 addresses are not supported; use 127.0.0.1 (or 0.0.0.0 with allow_remote)"
                : "expected an IPv4 address such as 127.0.0.1 (names like \"localhost\" are not resolved)"
            throw error(hostNode, "\(field).host", "\(host.debugDescription): \(hint)")
        }
        var allowRemote = false
        if let node = mapping["allow_remote"] {
            guard let value = node.bool else { throw error(node, "\(field).allow_remote", "expected true or false") }
            allowRemote = value
        }
        let isLoopback = UInt32(bigEndian: address.s_addr) >> 24 == 127
        if !isLoopback && !allowRemote {
            throw error(
                hostNode, "\(field).host",
                "\(host) accepts posts from other machines; to do that on purpose set `allow_remote: true` and "
                    + "`token_file:` (a bearer token in a file of mode 0600), else use 127.0.0.1")
        }
        if allowRemote && mapping["token_file"] == nil {
            throw error(
                mapping["allow_remote"], "\(field).token_file",
                "a receiver open to other machines needs `token_file:`, a file of mode 0600 holding the bearer token clients send")
        }
        return host
    }
}
