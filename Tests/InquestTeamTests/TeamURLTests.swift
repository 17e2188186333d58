import InquestTeam
import Testing

@Suite struct TeamURLTests {
    @Test func readsATCPURLWithEveryPart() throws {
        let url = try TeamURL(parsing: "postgres://alice:secret@db.example:6543/incidents", environment: [:])
        #expect(url.endpoint == .tcp(host: "db.example", port: 6543))
        #expect(url.user == "alice" && url.password == "secret" && url.database == "incidents")
        #expect(!url.requiresTLS)
        // The password never shows
        #expect(url.description == "postgres://alice@db.example:6543/incidents")
    }

    @Test func defaultsComeFromTheEnvironmentAndTheUser() throws {
        let url = try TeamURL(parsing: "postgresql://db", environment: ["USER": "bob", "PGPASSWORD": "pw"])
        #expect(url.endpoint == .tcp(host: "db", port: 5432))
        #expect(url.user == "bob" && url.password == "pw" && url.database == "bob")
    }

    @Test func aHostThatIsADirectoryMeansAUnixSocket() throws {
        let url = try TeamURL(parsing: "postgres://carol@/team?host=/tmp/pg%20dir&port=7000", environment: [:])
        #expect(url.endpoint == .unixSocket(path: "/tmp/pg dir/.s.PGSQL.7000"))
        #expect(url.database == "team")
        // Read back, the description names the same socket
        let again = try TeamURL(parsing: url.description, environment: [:])
        #expect(again.endpoint == url.endpoint && again.user == "carol" && again.database == "team")
    }

    @Test func sslmodeRequireAsksForTLS() throws {
        #expect(try TeamURL(parsing: "postgres://u@h/d?sslmode=require", environment: [:]).requiresTLS)
    }

    @Test(arguments: ["http://db/x", "db:5432", "postgres://u@h:99999/d", "postgres://u@h/d?sslmode=maybe", ""])
    func refusesWhatIsNotAPostgresURL(_ text: String) {
        #expect(throws: TeamError.self) { try TeamURL(parsing: text, environment: [:]) }
    }
}
