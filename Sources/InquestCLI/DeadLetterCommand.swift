import ArgumentParser
import Foundation
import InquestCore
import InquestIngest
import InquestText
import InquestStore

/// `inquest dlq list|show|replay|purge`: the records that could not be parsed or stored.
struct DeadLetterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dlq",
        abstract: "List, show, replay or purge dead letters (records kept because they could not be parsed).",
        subcommands: [List.self, Show.self, Replay.self, Purge.self],
        defaultSubcommand: List.self
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "One line per dead letter: id, location, attempts, reason.")
        @OptionGroup var store: StoreOptions
        @Option(help: "Show at most this many.") var limit: Int = 100

        func run() throws {
            let database = try store.open()
            do {
                let letters = try database.deadLetters(afterID: 0, limit: limit)
                let total = try database.deadLetterCount()
                for letter in letters {
                    let id = letter.id.map(String.init) ?? "-"
                    print("\(id)\t\(TextSanitizer.singleLine(letter.location))\t×\(letter.attempts)\t\(TextSanitizer.singleLine(letter.reason))")
                }
                if total > letters.count { print("… \(total - letters.count) more (--limit)") }
                if total == 0 { print("no dead letters") }
            } catch {
                throw CLIFailure("\(error)")
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Every field of one dead letter, with its raw bytes (sanitised; --raw for the exact bytes).")
        @OptionGroup var store: StoreOptions
        @Flag(help: "Write the raw bytes exactly as stored (for piping to a file).") var raw = false
        @Argument(help: "The dead letter's id (from `inquest dlq list`).") var id: Int64

        func run() throws {
            let database = try store.open()
            let found: DeadLetter?
            do {
                found = try database.deadLetter(id: id)
            } catch {
                throw CLIFailure("\(error)")
            }
            guard let letter = found else { throw CLIFailure("no dead letter with id \(id) (see inquest dlq list)") }
            if raw {
                StandardStreams.out(bytes: Array(letter.raw))
                return
            }
            print("id        \(id)")
            print("source    \(TextSanitizer.singleLine(letter.source))")
            print("location  \(TextSanitizer.singleLine(letter.location))")
            print("reason    \(TextSanitizer.singleLine(letter.reason))")
            print("first     \(letter.firstSeen.iso8601)")
            print("attempts  \(letter.attempts)")
            print("raw       \(letter.raw.count) bytes")
            for line in TextSanitizer.lines(String(decoding: letter.raw, as: UTF8.self)) {
                print("  " + line)
            }
        }
    }

    struct Replay: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Parse dead letters again with the current parsers: those that parse are stored and removed (one transaction each); the rest get attempts+1.")
        @OptionGroup var store: StoreOptions
        @Option(help: "Only those of this source (the path as listed).") var source: String?
        @Option(help: "Only this dead letter.") var id: Int64?

        func run() throws {
            let database = try store.open()
            let summary: DeadLetterReplayer.Summary
            do {
                summary = try DeadLetterReplayer(store: database).replay(source: source, id: id)
                _ = try database.indexFullText()
            } catch {
                throw CLIFailure("\(error)")
            }
            print("replayed \(summary.resolved + summary.stillFailing) dead letters: \(summary.resolved) now parse (\(summary.stored) events stored), \(summary.stillFailing) still fail")
            for failure in summary.failures {
                print("  \(failure.id)\t\(TextSanitizer.singleLine(failure.reason))")
            }
        }
    }

    struct Purge: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete dead letters (all, or those of one source).")
        @OptionGroup var store: StoreOptions
        @Option(help: "Only those of this source (the path as listed).") var source: String?
        @Flag(help: "Required: confirms the deletion.") var yes = false

        func run() throws {
            guard yes else { throw ValidationError("purging deletes the kept records; add --yes to confirm") }
            let database = try store.open()
            do {
                print("purged \(try database.purgeDeadLetters(source: source)) dead letters")
            } catch {
                throw CLIFailure("\(error)")
            }
        }
    }
}
