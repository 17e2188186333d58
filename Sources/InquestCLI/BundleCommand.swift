import ArgumentParser
import Foundation
import InquestCore
import InquestExchange
import InquestText

struct BundleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bundle",
        abstract: "Write one investigation, with its notes, links, stars, tags, audit trail and events, to a portable file.",
        discussion: """
            The file carries the linked events and every event within --context of them (capped at \
            --max-context-events), and a manifest with counts and SHA-256 checksums. Read it into another \
            store with `inquest import FILE`. With a team database (--team, $INQUEST_TEAM), INVESTIGATION is \
            the team's and the file carries what the team database holds: the investigation, notes, links, \
            stars, tags, audit trail and the shared events (no context events: the team holds only evidence).
            """
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var team: TeamOptions

    @Argument(help: "The investigation: its id or its exact title.")
    var investigation: String

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("The file to write.", valueName: "file"))
    var output: String

    @Option(help: ArgumentHelp("Events this long either side of each linked event go in too (0, 30s, 5m, 2h).", valueName: "duration"))
    var context: ContextDuration = ContextDuration(nanoseconds: BundleWriter.defaultContext)

    @Option(help: "At most this many context events (linked events and events notes are about always go in).")
    var maxContextEvents: Int = 10_000

    func run() throws {
        do {
            let bundle: InvestigationBundle
            if let url = try team.url() {
                bundle = try TeamExchange.bundle(investigation, url: url)
            } else {
                let database = try store.openForReading()
                let id = try InvestigationReference.resolve(investigation, in: database)
                let writer = BundleWriter(store: database, contextNanoseconds: context.nanoseconds, maxContextEvents: maxContextEvents)
                bundle = try writer.bundle(investigationID: id)
            }
            let id = bundle.manifest.investigationID
            let data = try BundleCodec.encode(bundle)
            do {
                // Bundles hold raw log records: owner-only, like the store.
                try PrivateFile.write(data, to: output)
            } catch {
                throw ExchangeError.io(path: output, reason: error.localizedDescription)
            }
            let counts = BundleSectionName.allCases.map { "\(BundleCodec.count(of: $0, in: bundle)) \($0.rawValue)" }
            print("wrote \(TextSanitizer.singleLine(output)) (\(data.count) bytes): investigation #\(id), \(counts.dropFirst().joined(separator: ", "))")
            if bundle.manifest.contextCapped {
                print("note: context events capped at \(maxContextEvents); pass a shorter --context or a larger --max-context-events to carry them all")
            }
        } catch let error as ExchangeError {
            throw CLIFailure(TextSanitizer.singleLine("\(error)"))
        }
    }
}
