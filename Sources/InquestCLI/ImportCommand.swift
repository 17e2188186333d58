import ArgumentParser
import Foundation
import InquestExchange
import InquestText

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Merge a bundle (inquest bundle) or a JSON export (inquest export --format json) into the store.",
        discussion: """
            One transaction: a damaged, truncated or foreign file is refused and changes nothing. Events are \
            matched by their dedupe key, the investigation and its notes by where they came from, so importing \
            the same file twice changes nothing; the imported investigation records its origin. With a team \
            database (--team, $INQUEST_TEAM), the investigation goes to the team database instead, as changes \
            through the local outbox, each once however often the file is imported.
            """
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var team: TeamOptions

    @Argument(help: ArgumentHelp("The bundle or JSON export to read.", valueName: "file"))
    var file: String

    func run() throws {
        do {
            let data: Data
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: file))
            } catch {
                throw ExchangeError.io(path: file, reason: error.localizedDescription)
            }
            if try team.url() != nil {
                let session = try TeamSession(team: team, store: store)
                let lines = try TeamExchange.importFile(data, path: file, session: session)
                print("imported \(TextSanitizer.singleLine(file)) into the team database \(TextSanitizer.singleLine(session.sync.team))")
                for line in lines { print("  " + TextSanitizer.singleLine(line)) }
                return
            }
            let database = try store.open()
            let summary = try ExchangeFile.importFile(data, path: file, into: database)
            print("imported \(TextSanitizer.singleLine(file)) into \(TextSanitizer.singleLine(store.resolvedPath))")
            for line in summary.lines { print("  " + TextSanitizer.singleLine(line)) }
            if summary.changedNothing { print("  (already imported: nothing changed)") }
        } catch let error as ExchangeError {
            throw CLIFailure(TextSanitizer.singleLine("\(error)"))
        }
    }
}
