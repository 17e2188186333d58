import InquestCore

/// Renders feed health as Prometheus text exposition format (version 0.0.4): the watcher's own
/// metrics, served on `--metrics-port` or written to a textfile-collector file.
public enum MetricsExposition {
    /// The metric families, in a fixed order, one sample per feed each.
    public static func render(_ health: [FeedHealth]) -> String {
        var text = ""
        family(&text, "inquest_feed_events_total", "counter", "Events stored by the feed since the watcher started.", health) { "\($0.eventsTotal)" }
        family(&text, "inquest_feed_errors_total", "counter", "Failed runs of the feed since the watcher started.", health) { "\($0.errorCount)" }
        family(&text, "inquest_feed_dead_letters_total", "counter", "Records of the feed sent to the dead-letter table since the watcher started.", health) {
            "\($0.deadLetterCount)"
        }
        text += "# HELP inquest_feed_lag How far the feed is behind its source (unit label: bytes or seconds).\n"
        text += "# TYPE inquest_feed_lag gauge\n"
        for row in health {
            if let lag = row.lag {
                text += "inquest_feed_lag{feed=\"\(escape(row.feed))\",kind=\"\(escape(row.kind))\",unit=\"\(escape(row.lagUnit ?? ""))\"} \(number(lag))\n"
            }
        }
        family(&text, "inquest_feed_up", "gauge", "1 while the feed is running, else 0.", health) { $0.state == .running ? "1" : "0" }
        family(&text, "inquest_feed_circuit_state", "gauge", "The feed's circuit breaker: 0 closed, 1 half-open, 2 open.", health) {
            switch $0.circuit {
            case "open": "2"
            case "half-open": "1"
            default: "0"
            }
        }
        family(&text, "inquest_feed_events_per_second", "gauge", "Events stored per second over the last health interval.", health) { number($0.eventsPerSecond) }
        return text
    }

    private static func family(
        _ text: inout String, _ name: String, _ type: String, _ help: String, _ health: [FeedHealth], _ value: (FeedHealth) -> String
    ) {
        text += "# HELP \(name) \(help)\n# TYPE \(name) \(type)\n"
        for row in health {
            text += "\(name){feed=\"\(escape(row.feed))\",kind=\"\(escape(row.kind))\"} \(value(row))\n"
        }
    }

    /// Label values escape backslash, double quote and line feed.
    static func escape(_ value: String) -> String {
        var escaped = ""
        for character in value {
            switch character {
            case "\\": escaped += "\\\\"
            case "\"": escaped += "\\\""
            case "\n": escaped += "\\n"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    private static func number(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "+Inf" : "-Inf" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}
