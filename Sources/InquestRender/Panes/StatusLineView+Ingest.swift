import InquestCore
import InquestViewModel

extension StatusLineView {
    /// The status line's text for the ingest of the opened files, and whether it is an error:
    /// `ingest app.log 42% · 880 MB of 2.1 GB · 4,200,000 events · 310,000/s`, then
    /// `… indexing full text`, then `ingest done · 10,000,000 events in 31.2 s (320,000/s)`.
    static func ingestText(_ ingest: BackgroundIngestState) -> (text: String, isError: Bool) {
        let rate = ingest.eventsPerSecond.map { " · \(Int($0.rounded()).grouped)/s" } ?? ""
        switch ingest.phase {
        case .failed(let message):
            return ("ingest stopped: \(message)", true)
        case .finished:
            let seconds = String(format: "%.1f", ingest.elapsedSeconds)
            return ("ingest done · \(ingest.eventsStored.grouped) events in \(seconds) s" + (rate.isEmpty ? "" : " (\(rate.dropFirst(3)))"), false)
        case .indexing:
            return ("ingest stored \(ingest.eventsStored.grouped) events\(rate) · indexing full text…", false)
        case .reading:
            var text = "ingest"
            if ingest.paths.count > 1 { text += " \(min(ingest.fileIndex + 1, ingest.paths.count))/\(ingest.paths.count)" }
            let path = ingest.current?.path ?? (ingest.fileIndex < ingest.paths.count ? ingest.paths[ingest.fileIndex] : "")
            text += " " + fileName(path)
            if let current = ingest.current {
                if let percent = current.percent, let total = current.totalBytes {
                    text += " \(Int(percent))% · \(byteText(current.bytesRead)) of \(byteText(total))"
                } else {
                    text += " · \(byteText(current.bytesRead))"
                }
            } else {
                text += " · starting"
            }
            return (text + " · \(ingest.eventsStored.grouped) events" + rate, false)
        }
    }

    /// The file's name, as the timeline's scope names it (`stdin` for `-`).
    static func fileName(_ path: String) -> String {
        path == "-" ? "stdin" : String(path.split(separator: "/").last ?? Substring(path))
    }

    /// `512 B`, `880 KB`, `42 MB`, `2.1 GB` (powers of 1,000, as `ls -h --si`).
    static func byteText(_ bytes: Int64) -> String {
        let value = Double(bytes)
        switch bytes {
        case ..<1_000: return "\(bytes) B"
        case ..<1_000_000: return "\(Int(value / 1e3)) KB"
        case ..<1_000_000_000: return "\(Int(value / 1e6)) MB"
        default: return String(format: "%.1f GB", value / 1e9)
        }
    }
}
