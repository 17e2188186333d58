import Foundation
import InquestCore
import InquestIngest
import InquestParsers
import Yams

extension WatchConfig {
    /// Reads and validates the YAML config at `path`. Every error names the file, the line and
    /// the field (`feeds[2].paths`), and says what is accepted.
    public static func load(path: String) throws -> WatchConfig {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw WatchError.unreadableConfig(path: path, reason: "\(error.localizedDescription)")
        }
        return try parse(text, path: path)
    }

    /// Parses config text (`path` is only used in messages).
    public static func parse(_ text: String, path: String) throws -> WatchConfig {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw WatchError.invalidConfig(path: path, line: Self.line(of: error), field: "(syntax)", reason: "not valid YAML: \(Self.problem(of: error))")
        } catch {
            throw WatchError.invalidConfig(path: path, line: 0, field: "(syntax)", reason: "not valid YAML: \(error)")
        }
        let reader = ConfigReader(path: path)
        guard let root, let top = root.mapping else {
            throw reader.error(root, "(top level)", "expected a mapping with a `feeds:` list")
        }
        try reader.allowOnly(["store", "feeds"], in: top, field: "(top level)")
        let store = try top["store"].map { try reader.string($0, "store") }
        guard let feedsNode = top["feeds"], let list = feedsNode.sequence, !list.isEmpty else {
            throw reader.error(top["feeds"] ?? root, "feeds", "expected a non-empty list of feeds (see examples/watch.yaml)")
        }
        var feeds: [FeedEntry] = []
        for (index, node) in list.enumerated() {
            let entry = try reader.feed(node, field: "feeds[\(index)]")
            if let earlier = feeds.first(where: { $0.name == entry.name }) {
                throw reader.error(node, "feeds[\(index)].name", "the name \(entry.name.debugDescription) is already used by the feed on line \(earlier.line); names must be unique")
            }
            feeds.append(entry)
        }
        return WatchConfig(path: path, store: store, feeds: feeds)
    }

    private static func line(of error: YamlError) -> Int {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): mark.line
        default: 0
        }
    }

    private static func problem(of error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _): problem
        default: "\(error)"
        }
    }
}

/// Reads typed fields out of YAML nodes, turning every mistake into a located ``WatchError``.
struct ConfigReader {
    let path: String

    func error(_ node: Node?, _ field: String, _ reason: String) -> WatchError {
        .invalidConfig(path: path, line: node?.mark?.line ?? 0, field: field, reason: reason)
    }

    func allowOnly(_ keys: Set<String>, in mapping: Node.Mapping, field: String) throws {
        for key in mapping.keys {
            guard let name = key.string, keys.contains(name) else {
                throw error(key, field, "unknown key \((key.string ?? "?").debugDescription); expected one of \(keys.sorted().joined(separator: ", "))")
            }
        }
    }

    func string(_ node: Node, _ field: String) throws -> String {
        guard let value = node.scalar?.string, !value.isEmpty else { throw error(node, field, "expected a non-empty text value") }
        return value
    }

    func strings(_ node: Node, _ field: String) throws -> [String] {
        if node.scalar != nil { return [try string(node, field)] }
        guard let list = node.sequence, !list.isEmpty else { throw error(node, field, "expected a path or a list of paths") }
        return try list.enumerated().map { try string($0.element, "\(field)[\($0.offset)]") }
    }

    func duration(_ node: Node?, _ field: String, default fallback: Duration) throws -> Duration {
        guard let node else { return fallback }
        guard let text = node.scalar?.string, let nanoseconds = DurationText.nanoseconds(text, bareNumber: .seconds), nanoseconds > 0 else {
            throw error(node, field, "expected a positive duration such as 250ms, 5s, 2m, 1h or 1h30m")
        }
        return .nanoseconds(nanoseconds)
    }

    func port(_ node: Node?, _ field: String, default fallback: Int) throws -> Int {
        guard let node else { return fallback }
        guard let value = node.int, (1...65535).contains(value) else { throw error(node, field, "expected a port number 1–65535") }
        return value
    }

    func feed(_ node: Node, field: String) throws -> WatchConfig.FeedEntry {
        guard let mapping = node.mapping else { throw error(node, field, "expected a mapping with name, kind and the kind's options") }
        guard let nameNode = mapping["name"] else { throw error(node, "\(field).name", "every feed needs a name") }
        let name = try string(nameNode, "\(field).name")
        guard let kindNode = mapping["kind"] else { throw error(node, "\(field).kind", "every feed needs a kind") }
        let kindText = try string(kindNode, "\(field).kind")
        guard let kind = FeedKind(rawValue: kindText) else {
            throw error(kindNode, "\(field).kind", "unknown kind \(kindText.debugDescription); expected one of \(FeedKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let line = node.mark?.line ?? 0
        let target: FeedTarget
        switch kind {
        case .file:
            try allowOnly(["name", "kind", "paths", "format", "service", "poll", "batch"], in: mapping, field: field)
            guard let paths = mapping["paths"] else { throw error(node, "\(field).paths", "a file feed needs `paths:` (files or globs)") }
            var settings = FollowSettings()
            if let formatNode = mapping["format"] {
                let text = try string(formatNode, "\(field).format")
                guard let format = LogFormat(rawValue: text) else {
                    throw error(formatNode, "\(field).format", "unknown log format \(text.debugDescription); expected one of \(LogFormat.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                settings.format = format
            }
            settings.service = try mapping["service"].map { try string($0, "\(field).service") }
            settings.pollInterval = try duration(mapping["poll"], "\(field).poll", default: settings.pollInterval)
            if let batch = mapping["batch"] {
                guard let value = batch.int, value > 0 else { throw error(batch, "\(field).batch", "expected a positive number of records") }
                settings.batchRecords = value
            }
            target = .files(patterns: try strings(paths, "\(field).paths"), settings: settings)
        case .git:
            try allowOnly(["name", "kind", "repository", "interval"], in: mapping, field: field)
            guard let repository = mapping["repository"] else { throw error(node, "\(field).repository", "a git feed needs `repository:` (a working tree path)") }
            target = .git(repository: try string(repository, "\(field).repository"), interval: try duration(mapping["interval"], "\(field).interval", default: .seconds(30)))
        case .document:
            try allowOnly(["name", "kind", "paths", "format", "interval"], in: mapping, field: field)
            guard let paths = mapping["paths"] else { throw error(node, "\(field).paths", "a document feed needs `paths:` (files or globs)") }
            var documentKind: DocumentKind?
            if let formatNode = mapping["format"] {
                let text = try string(formatNode, "\(field).format")
                guard let parsed = DocumentKind(rawValue: text) else {
                    throw error(formatNode, "\(field).format", "unknown document format \(text.debugDescription); expected one of \(DocumentKind.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                documentKind = parsed
            }
            target = .documents(patterns: try strings(paths, "\(field).paths"), kind: documentKind, interval: try duration(mapping["interval"], "\(field).interval", default: .seconds(10)))
        case .prometheusScrape:
            try allowOnly(["name", "kind", "url", "interval"], in: mapping, field: field)
            guard let url = mapping["url"] else { throw error(node, "\(field).url", "a prometheus-scrape feed needs `url:` (http://127.0.0.1:PORT/metrics)") }
            target = .prometheusScrape(url: try string(url, "\(field).url"), interval: try duration(mapping["interval"], "\(field).interval", default: .seconds(15)))
        case .prometheusQuery:
            try allowOnly(["name", "kind", "url", "query", "step", "interval"], in: mapping, field: field)
            guard let url = mapping["url"] else { throw error(node, "\(field).url", "a prometheus-query feed needs `url:` (the server, http://127.0.0.1:9090)") }
            guard let query = mapping["query"] else { throw error(node, "\(field).query", "a prometheus-query feed needs `query:` (PromQL)") }
            target = .prometheusQuery(
                url: try string(url, "\(field).url"), query: try string(query, "\(field).query"),
                step: try duration(mapping["step"], "\(field).step", default: .seconds(15)),
                interval: try duration(mapping["interval"], "\(field).interval", default: .seconds(30)))
        case .otlp:
            try allowOnly(["name", "kind", "host", "port", "allow_remote", "token_file"], in: mapping, field: field)
            let host = try listenAddress(mapping, field: field)
            target = .otlp(
                host: host, port: try port(mapping["port"], "\(field).port", default: 4318),
                tokenFile: try mapping["token_file"].map { try string($0, "\(field).token_file") })
        }
        return WatchConfig.FeedEntry(name: name, kind: kind, target: target, line: line)
    }
}
