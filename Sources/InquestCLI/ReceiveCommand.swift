import ArgumentParser
import Dispatch
import Foundation
import InquestTeam
import InquestText
import InquestNet
import InquestStore

/// `inquest receive otlp --port N`: runs the OTLP/HTTP JSON receiver on loopback until
/// interrupted (SIGINT/SIGTERM stop it cleanly).
struct ReceiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "receive",
        abstract: "Receive telemetry pushed over HTTP on a loopback port (OTLP/HTTP JSON traces and logs) into the store."
    )

    enum ReceivedProtocol: String, ExpressibleByArgument, CaseIterable {
        case otlp
    }

    @OptionGroup var store: StoreOptions

    @Argument(help: ArgumentHelp("What to receive: otlp (POST /v1/traces and /v1/logs, Content-Type: application/json).", valueName: "protocol"))
    var kind: ReceivedProtocol

    @Option(help: ArgumentHelp("The TCP port on 127.0.0.1 (default 4318, the OTLP/HTTP port; 0 picks a free one).", valueName: "port"))
    var port: UInt16 = 4318

    func run() throws {
        let database = try store.open()
        let receiver = OTLPReceiver(store: database)
        let server = LoopbackHTTPServer(port: port, handler: receiver.handle)
        let bound: UInt16
        do {
            bound = try BlockingAsync.run { try await server.start() }
        } catch {
            throw CLIFailure("\(error)")
        }
        // Unbuffered, so a script reading the port sees the line at once.
        StandardStreams.out("receiving OTLP/HTTP JSON on http://127.0.0.1:\(bound)/v1/traces and /v1/logs → \(TextSanitizer.singleLine(store.resolvedPath)) (Ctrl-C stops)\n")
        SignalWait.untilInterrupted()
        _ = try? BlockingAsync.run { await server.stop() }
        let counts = receiver.counts
        print("stopped: \(counts.accepted) requests stored (\(counts.spansStored) spans, \(counts.eventsStored) events), \(counts.rejected) rejected as malformed")
    }
}
