import Testing
@testable import InquestParsers

@Suite struct MessageMaskerTests {
    @Test(arguments: [
        ("PacketResponder 1 for block blk_-6952295868487656571 terminating",
         "PacketResponder <*> for block blk_<*> terminating"),
        ("Received connection request /10.10.34.11:45307", "Received connection request /<*>"),
        ("After Scheduling: PendingReds:0 ScheduledMaps:12", "After Scheduling: PendingReds:<*> ScheduledMaps:<*>"),
        ("Deleting file /mnt/hadoop/dfs/data/current/subdir5", "Deleting file <*>"),
        ("fetch https://example.org/a/b?x=1 done", "fetch <*> done"),
        ("connection from 10.0.0.1 (host8.topspot.net) at Sun Jul 17 12:30:35 2005",
         "connection from <*> (<*>) at <*>"),
        ("rhost=ns.example.com user=root", "rhost=<*> user=root"),
        ("proxy.cs.example.hk:5070 open through proxy www.example.com:443 HTTPS",
         "<*> open through proxy <*> HTTPS"),
        ("dsl-Chn-static-059.45.101.203 up", "dsl-Chn-static-<*> up"),
        ("temperature -12 degrees", "temperature <*> degrees"),
        ("Invalid user webmaster from 173.234.31.186", "Invalid user webmaster from <*>"),
        ("workerEnv.init() ok", "workerEnv.init() ok"),
        ("  tabs\tand   spaces  ", "tabs and spaces"),
    ])
    func masksVariablePartsByShape(message: String, expected: String) {
        #expect(MessageMasker.tokens(of: message).joined(separator: " ") == expected)
    }

    /// A log statement's code location (class or source file and line) names the statement: kept
    /// whole, so statements with the same words at different lines are different templates.
    @Test(arguments: [
        ("12:25:41.859 INFO t.s.TravelServiceImpl#372 TraceID: 0af9 [getTickets]",
         "<*> INFO t.s.TravelServiceImpl#372 TraceID: <*> [getTickets]"),
        ("WARN o.a.h.DataNode:1204 - slow", "WARN o.a.h.DataNode:1204 - slow"),
        ("E server.go:88] failed after 3 tries", "E server.go:88] failed after <*> tries"),
        ("at (TravelServiceImpl.java:372)", "at (TravelServiceImpl.java:372)"),
        ("After Scheduling: PendingReds:0", "After Scheduling: PendingReds:<*>"),
        ("Worker#12 done", "Worker#<*> done"),
        ("proxy.cs.example.hk:5070 open", "<*> open"),
        ("at a.b.Bar.baz(Bar.java:12)", "at a.b.Bar.baz(Bar.java:<*>)"),
        ("to 10.0.0.1:80", "to <*>"),
    ])
    func keepsCodeLocations(message: String, expected: String) {
        #expect(MessageMasker.tokens(of: message).joined(separator: " ") == expected)
    }

    @Test func keepsWordsThatLookLikeMonthsWithoutNumbers() {
        #expect(MessageMasker.tokens(of: "Mar may march on") == ["Mar", "may", "march", "on"])
    }

    @Test func capsTokensWithOneTrailingWildcard() {
        let message = (0..<500).map { "w\(Character(UnicodeScalar(97 + $0 % 26)!))" }.joined(separator: " ")
        let tokens = MessageMasker.tokens(of: message)
        #expect(tokens.count == MessageMasker.maximumTokens)
        #expect(tokens.last == MessageMasker.wildcard)
    }

    @Test func emptyMessageHasNoTokens() {
        #expect(MessageMasker.tokens(of: "").isEmpty)
        #expect(MessageMasker.tokens(of: "   ").isEmpty)
    }

    @Test func keepsNonASCIIWordsWhole() {
        #expect(MessageMasker.tokens(of: "Größe überschritten 42") == ["Größe", "überschritten", "<*>"])
    }

    @Test func maskedTextIsTheTokensJoinedByOneSpace() {
        let message = "  PacketResponder 1\tfor  block blk_-42 terminating "
        #expect(MessageMasker.masked(message) == "PacketResponder <*> for block blk_<*> terminating")
        #expect(MessageMasker.tokens(ofMasked: MessageMasker.masked(message)) == MessageMasker.tokens(of: message))
    }

    /// The masked text is written into storage sized for the worst case: one-digit runs between
    /// punctuation triple in length, and a long message gets the final `<*>`.
    @Test func worstCaseExpansionFitsItsStorage() {
        let digits = Array(repeating: "1,2;3)4", count: 200).joined(separator: " ")
        let tokens = MessageMasker.tokens(of: digits)
        #expect(tokens.count == MessageMasker.maximumTokens)
        #expect(tokens.first == "<*>,<*>;<*>)<*>")
        #expect(MessageMasker.masked("1") == "<*>")
        #expect(MessageMasker.masked("x=/a/b") == "x=<*>")
        #expect(MessageMasker.masked("(/a/b)") == "(<*>)")
        #expect(MessageMasker.masked("Sun Jul 10 03:55:15 2005") == "<*>")
    }

    @Test func minesFromMaskedTextAsFromTheMessage() {
        var fromMessages = TemplateMiner()
        var fromMasked = TemplateMiner()
        let lines = ["job 1 done", "job 2 done", "disk full on /dev/sda1", "disk full on /dev/sdb2"]
        #expect(lines.map { fromMessages.mine($0) } == lines.map { fromMasked.mine(masked: MessageMasker.masked($0)) })
        #expect(fromMessages.takeChanges() == fromMasked.takeChanges())
    }

    @Test func aBatchOfMaskedMessagesHoldsEachMaskedTextAndMinesAsOneByOne() {
        // Given messages of every shape, long ones and empty ones included
        let lines = [
            "job 1 done", "job 2 done", "", "disk full on /dev/sda1", "disk full on /dev/sdb2",
            "Sun Jul 10 03:55:15 2005 session opened", "x=/a/b (1,2) ünïcode 42",
            (0..<300).map { "w\($0 % 7)" }.joined(separator: " "), "job 3 done",
        ]

        // When they are masked into one batch
        let batch = MaskedMessages(masking: lines)

        // Then each holds its masked text, and mining the batch gives the ids and templates
        // mining each message gives
        #expect(batch.count == lines.count)
        #expect((0..<batch.count).map { batch[$0] } == lines.map(MessageMasker.masked))
        var oneByOne = TemplateMiner()
        var batched = TemplateMiner()
        #expect(batched.mine(batch) == lines.map { oneByOne.mine($0) })
        #expect(batched.takeChanges() == oneByOne.takeChanges())
        var fromText = MaskedMessages()
        for line in lines { fromText.append(masked: MessageMasker.masked(line)) }
        #expect(fromText == batch)
    }

    @Test func theShapeCacheFollowsAbsorptions() {
        // Given a shape cached before its template is absorbed into a wider one
        var miner = TemplateMiner()
        let first = miner.mine("session opened for user root by sshd")
        for user in ["guest", "test", "mail", "admin"] { _ = miner.mine("session opened for user \(user) by sshd") }

        // When the cached shape comes again, then it reads as the surviving template
        let again = miner.mine("session opened for user root by sshd")
        #expect(again == miner.canonicalID(of: first))
        #expect(miner.template(again)?.tokens.contains(MessageMasker.wildcard) == true)
    }
}
