/// `git log --date=iso-strict --pretty=fuller --parents --numstat` records written for these tests.
enum GitLogFixtures {
    static let plain = """
        commit 1111111111111111111111111111111111111111 2222222222222222222222222222222222222222
        Author:     José Müller <jose@example.com>
        AuthorDate: 2026-03-01T10:00:00-07:00
        Commit:     GitHub <noreply@github.com>
        CommitDate: 2026-03-02T09:00:00+09:00

            Fix race in scraper (#12)
            
            The scraper raced the flusher.
            
            Signed-off-by: José Müller <jose@example.com>

        10\t2\tcollector/scrape.go
        -\t-\tassets/logo.png
        0\t0\tcollector/{old.go => new.go}

        """

    static let merge = """
        commit 3333333333333333333333333333333333333333 4444444444444444444444444444444444444444 5555555555555555555555555555555555555555
        Merge: 44444444 55555555
        Author:     Ada <ada@example.com>
        AuthorDate: 2026-03-03T12:00:00+00:00
        Commit:     Ada <ada@example.com>
        CommitDate: 2026-03-03T12:00:00Z

            Merge pull request #99 from ada/feature

        """
}
