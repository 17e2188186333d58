import Foundation
import InquestParsers
import InquestCore
import InquestReport

/// One JSON object per group for `inquest stats --by … --format jsonl`: the group's values under
/// their dimension names (snake_case; `template_id` and `template` for a template, attribute
/// values under `attributes`), the counts, and `filter`, the filter text that selects the group.
enum StatsJSON {
    enum Value {
        case integer(Int)
        case integer64(Int64)
        case real(Double)
        case boolean(Bool)
        case text(String)
        case null

        var json: String {
            switch self {
            case .integer(let value): String(value)
            case .integer64(let value): String(value)
            case .real(let value): value.isFinite ? String(value) : "null"
            case .boolean(let value): value ? "true" : "false"
            case .text(let value): StatsJSON.quoted(value)
            case .null: "null"
            }
        }
    }

    static func line(key: BreakdownKey, filter: Filter, fields: [(String, Value)]) -> String {
        var members: [(String, String)] = []
        var attributes: [(String, String)] = []
        for (dimension, value) in zip(key.dimensions, key.values) {
            switch dimension {
            case .template:
                if case .template(let id, let text) = value {
                    members += [("template_id", String(id)), ("template", quoted(text))]
                } else {
                    members += [("template_id", "null"), ("template", "null")]
                }
            case .attribute(let name):
                attributes.append((name, json(value)))
            case .service, .severity, .host, .source, .sourceName:
                members.append((dimension.name.replacingOccurrences(of: "-", with: "_"), json(value)))
            }
        }
        if !attributes.isEmpty {
            members.append(("attributes", "{" + attributes.map { quoted($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"))
        }
        members += fields.map { ($0.0, $0.1.json) }
        members.append(("filter", key.narrowing(filter).map { quoted($0.text) } ?? "null"))
        let object = "{" + members.map { quoted($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
        // Escape C1 controls and bidi overrides too, as `query --format jsonl` does (JSON escapes only C0).
        return ReportJSON.escapingInvisibleControls(object)
    }

    private static func json(_ value: BreakdownValue) -> String {
        switch value {
        case .missing: "null"
        case .text(let text): quoted(text)
        case .number(_, let text): text
        case .severity(let severity): quoted(severity.name)
        case .sourceKind(let kind): quoted(kind.rawValue)
        case .template(_, let text): quoted(text)
        }
    }

    static func quoted(_ text: String) -> String {
        var out = ""
        JSONStringLiteral.append(text, to: &out)
        return out
    }
}
