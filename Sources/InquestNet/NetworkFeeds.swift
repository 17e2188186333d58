import Foundation
import InquestWatch

/// Builds the network feeds of a watcher config (`prometheus-scrape`, `prometheus-query`,
/// `otlp`); pass ``make(_:)`` to ``WatchConfig/makeFeeds(network:)``.
public enum NetworkFeeds {
    /// The feed of `entry`, nil when its kind is not a network kind; throws a located config
    /// error for an unusable URL or port.
    public static func make(_ entry: WatchConfig.FeedEntry, configPath: String) throws -> (any Feed)? {
        switch entry.target {
        case .prometheusScrape(let url, let interval):
            return PrometheusScrapeFeed(name: entry.name, url: try httpURL(url, entry: entry, configPath: configPath), interval: interval)
        case .prometheusQuery(let url, let query, let step, let interval):
            return PrometheusQueryRangeFeed(
                name: entry.name, baseURL: try httpURL(url, entry: entry, configPath: configPath), query: query, step: step, interval: interval)
        case .otlp(let host, let port):
            guard let port = UInt16(exactly: port) else {
                throw WatchError.invalidConfig(path: configPath, line: entry.line, field: "port", reason: "\(port) is not a TCP port (0–65535)")
            }
            return OTLPReceiverFeed(name: entry.name, host: host, port: port)
        default:
            return nil
        }
    }

    static func httpURL(_ text: String, entry: WatchConfig.FeedEntry, configPath: String) throws -> URL {
        guard let url = URL(string: text), url.scheme == "http" || url.scheme == "https", url.host != nil else {
            throw WatchError.invalidConfig(
                path: configPath, line: entry.line, field: "url", reason: "\(text.debugDescription) is not an http(s) URL, e.g. http://127.0.0.1:9090")
        }
        return url
    }
}
