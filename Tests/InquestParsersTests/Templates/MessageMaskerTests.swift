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
}
