import Testing
@testable import InquestParsers

@Suite struct TemplateMinerTests {
    @Test func groupsMessagesThatDifferOnlyInVariables() {
        var miner = TemplateMiner()
        let first = miner.mine("Accepted password for alice from 10.0.0.1 port 4242 ssh2")
        let second = miner.mine("Accepted password for alice from 10.0.0.9 port 51000 ssh2")
        let other = miner.mine("Connection closed by 10.0.0.1 [preauth]")
        #expect(first == second)
        #expect(first != other)
        #expect(miner.template(first)?.text == "Accepted password for alice from <*> port <*> <*>")
        #expect(miner.template(first)?.count == 2)
    }

    @Test func aWordBecomesAVariableOnlyAfterEnoughDistinctValues() {
        var miner = TemplateMiner(settings: TemplateMinerSettings(distinctWordsForVariable: 4))
        let root = miner.mine("session opened for user root by sshd")
        let guest = miner.mine("session opened for user guest by sshd")
        let test = miner.mine("session opened for user test by sshd")
        #expect(Set([root, guest, test]).count == 3)
        let fourth = miner.mine("session opened for user mail by sshd")
        #expect(miner.canonicalID(of: root) == fourth)
        #expect(miner.canonicalID(of: guest) == fourth)
        #expect(miner.canonicalID(of: test) == fourth)
        #expect(miner.template(fourth)?.text == "session opened for user <*> by sshd")
        #expect(miner.template(fourth)?.count == 4)
    }

    /// Two log statements that write the same words at different code locations stay two
    /// templates however many there are; their variable parts still widen.
    @Test func codeLocationsAreNeverWidened() {
        var miner = TemplateMiner(settings: TemplateMinerSettings(distinctWordsForVariable: 4))
        let lines = [366, 372, 451, 457, 500]
        let ids = lines.map {
            miner.mine("12:00:0\($0 % 10) INFO t.s.TravelServiceImpl#\($0) [getTickets][Calculate distance]")
        }
        #expect(Set(ids).count == lines.count)
        let again = miner.mine("13:59:59 INFO t.s.TravelServiceImpl#372 [getTickets][Calculate distance]")
        #expect(again == ids[1])
        #expect(miner.template(again)?.text == "<*> INFO t.s.TravelServiceImpl#372 [getTickets][Calculate distance]")
        #expect(miner.template(again)?.count == 2)
    }

    @Test func theIDStaysWhenTheTemplateWidens() {
        var miner = TemplateMiner()
        let id = miner.mine("job 17 finished for user bob")
        let again = miner.mine("job 18 finished for user x42")
        #expect(id == again)
        #expect(miner.template(id)?.text == "job <*> finished for user <*>")
    }

    @Test func differentTokenCountsAreDifferentTemplates() {
        var miner = TemplateMiner()
        #expect(miner.mine("disk full") != miner.mine("disk full again"))
    }

    @Test func takeChangesReportsEachTouchedTemplateOnce() {
        var miner = TemplateMiner()
        let id = miner.mine("cache hit 1")
        _ = miner.mine("cache hit 2")
        let changes = miner.takeChanges()
        #expect(changes.map(\.id) == [id])
        #expect(changes.first?.count == 2)
        #expect(miner.takeChanges().isEmpty)
    }

    @Test func restoredTemplatesKeepTheirIDsAndNewOnesFollow() {
        var first = TemplateMiner()
        let id = first.mine("worker 3 started")
        let saved = first.takeChanges()
        var second = TemplateMiner()
        second.restore(saved)
        #expect(second.mine("worker 9 started") == id)
        let fresh = second.mine("worker stopped cleanly now")
        #expect(fresh > id)
        #expect(second.template(id)?.count == 2)
    }

    @Test func pastTheCapUnmatchedMessagesShareTheCatchAllOfTheirLength() {
        var miner = TemplateMiner(settings: TemplateMinerSettings(maximumTemplates: 2))
        let a = miner.mine("alpha beta gamma")
        let b = miner.mine("delta epsilon zeta")
        let c = miner.mine("eta theta iota")
        let d = miner.mine("kappa lambda mu")
        #expect(a != b)
        #expect(c == d)
        #expect(miner.template(c)?.text == "<*> <*> <*>")
        #expect(miner.mine("alpha beta gamma") == a)
    }

    @Test func sameInputGivesSameIDs() {
        let lines = (0..<200).map { "request \($0 % 7) from host\($0 % 3) took \($0) ms state \(["a", "b"][$0 % 2])" }
        var one = TemplateMiner()
        var two = TemplateMiner()
        #expect(lines.map { one.mine($0) } == lines.map { two.mine($0) })
    }
}
