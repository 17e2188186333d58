import Foundation
import InquestCore
import InquestParsers

/// Reads the JSON answer of `/api/v1/query_range` (a `matrix` result) into metric samples, and
/// turns an error answer (`"status":"error"`) into ``NetError/prometheusAPI(url:errorType:message:)``.
public enum PrometheusMatrixDecoder {
    /// Samples of every series of the answer, series by series in answer order, each in time order.
    ///
    /// A series is named by its `__name__` label, or by `query` when the expression has none
    /// (`rate(x[5m])`); its other labels are kept. Values `"NaN"`, `"+Inf"`, `"-Inf"` are read as such.
    public static func samples(from body: Data, status: Int, url: String, query: String) throws -> [MetricSample] {
        let root: [String: Any]
        do {
            guard let object = try JSONSerialization.jsonObject(with: body) as? [String: Any] else {
                throw NetError.malformedResponse(url: url, field: "$", reason: "not a JSON object")
            }
            root = object
        } catch let error as NetError {
            throw error
        } catch {
            if !(200..<300).contains(status) {
                throw NetError.httpStatus(url: url, status: status, body: String(decoding: body.prefix(200), as: UTF8.self))
            }
            throw NetError.malformedResponse(url: url, field: "$", reason: "not JSON (\(error.localizedDescription))")
        }
        if root["status"] as? String == "error" {
            throw NetError.prometheusAPI(
                url: url, errorType: root["errorType"] as? String ?? "unknown", message: root["error"] as? String ?? "no message")
        }
        guard (200..<300).contains(status) else {
            throw NetError.httpStatus(url: url, status: status, body: String(decoding: body.prefix(200), as: UTF8.self))
        }
        guard root["status"] as? String == "success" else {
            throw NetError.malformedResponse(url: url, field: "status", reason: "expected \"success\" or \"error\"")
        }
        guard let data = root["data"] as? [String: Any] else {
            throw NetError.malformedResponse(url: url, field: "data", reason: "missing or not an object")
        }
        guard let type = data["resultType"] as? String else {
            throw NetError.malformedResponse(url: url, field: "data.resultType", reason: "missing")
        }
        guard type == "matrix" else {
            throw NetError.malformedResponse(url: url, field: "data.resultType", reason: "\"\(type)\" where query_range answers \"matrix\"")
        }
        guard let result = data["result"] as? [Any] else {
            throw NetError.malformedResponse(url: url, field: "data.result", reason: "missing or not an array")
        }
        var samples: [MetricSample] = []
        for (index, element) in result.enumerated() {
            let field = "data.result[\(index)]"
            guard let series = element as? [String: Any] else {
                throw NetError.malformedResponse(url: url, field: field, reason: "not an object")
            }
            var labels = (series["metric"] as? [String: Any] ?? [:]).compactMapValues { $0 as? String }
            let name = labels.removeValue(forKey: "__name__") ?? query
            guard let values = series["values"] as? [Any] else {
                throw NetError.malformedResponse(url: url, field: field + ".values", reason: "missing or not an array")
            }
            for (position, pair) in values.enumerated() {
                guard let pair = pair as? [Any], pair.count == 2,
                      let seconds = (pair[0] as? NSNumber)?.doubleValue,
                      let text = pair[1] as? String
                else {
                    throw NetError.malformedResponse(url: url, field: field + ".values[\(position)]", reason: "expected [unix seconds, \"value\"]")
                }
                guard let value = Self.value(text) else {
                    throw NetError.malformedResponse(url: url, field: field + ".values[\(position)][1]", reason: "\(text.debugDescription) is not a number")
                }
                let nanos = Int64((seconds * 1000).rounded()) * 1_000_000
                samples.append(MetricSample(series: name, labels: labels, timestamp: Timestamp(nanoseconds: nanos), value: value))
            }
        }
        return samples
    }

    static func value(_ text: String) -> Double? {
        switch text {
        case "NaN": .nan
        case "+Inf", "Inf": .infinity
        case "-Inf": -.infinity
        default: Double(text)
        }
    }
}
