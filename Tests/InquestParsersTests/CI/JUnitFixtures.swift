/// Small JUnit reports in the shapes of each dialect, written for these tests.
enum JUnitFixtures {
    static let byDialect = ["surefire": surefire, "pytest": pytest, "jest": jest, "mocha": mocha, "phpunit": phpunit]

    static let surefire = """
        <?xml version="1.0" encoding="UTF-8"?>
        <testsuite name="com.acme.CartTest" tests="3" failures="1" errors="1" skipped="0" time="0.3" timestamp="2026-03-01T10:00:00+01:00" hostname="ci-7">
          <testcase name="addsItem" classname="com.acme.CartTest" time="0.100"/>
          <testcase name="removesItem" classname="com.acme.CartTest" time="0.120">
            <failure message="expected:&lt;1&gt; but was:&lt;2&gt;" type="org.opentest4j.AssertionFailedError">org.opentest4j.AssertionFailedError: expected:&lt;1&gt; but was:&lt;2&gt;
            at com.acme.CartTest.removesItem(CartTest.java:42)</failure>
            <system-out>removing</system-out>
          </testcase>
          <testcase name="totals" classname="com.acme.CartTest" time="1,234.5">
            <error message="NullPointerException&#10;second line" type="java.lang.NullPointerException"><![CDATA[java.lang.NullPointerException
            at com.acme.Cart.total(Cart.java:9)]]></error>
          </testcase>
        </testsuite>
        """

    static let pytest = """
        <?xml version="1.0" encoding="utf-8"?><testsuites><testsuite name="pytest" errors="0" failures="1" skipped="1" tests="3" time="1.5" timestamp="2026-03-01T09:24:41.605653"><testcase classname="tests.test_api" name="test_ok" time="0.01" /><testcase classname="tests.test_api" name="test_skip" time="0.0"><skipped type="pytest.skip" message="needs network">tests/test_api.py:10: needs network</skipped></testcase><testcase classname="tests.test_api" name="test_bad" time="0.2"><failure message="assert 1 == 2">def test_bad():
        &gt;       assert 1 == 2
        E       assert 1 == 2</failure></testcase></testsuite></testsuites>
        """

    static let jest = """
        <?xml version="1.0" encoding="UTF-8"?>
        <testsuites name="jest tests" tests="2" failures="1" errors="0" time="1.36">
          <testsuite name="__tests__\\main.test.js" errors="0" failures="1" skipped="0" timestamp="2020-10-27T21:39:41" time="0.486" tests="2">
            <testcase classname="Test 1 › Test 1.1" name="Failing test" time="0.002">
              <failure>Error: expect(received).toBeTruthy()

        Received: false
            at Object.&lt;anonymous&gt; (C:\\Users\\dev\\__tests__\\main.test.js:10:21)</failure>
            </testcase>
            <testcase classname="Test 1" name="Passing test" time="0.001">
            </testcase>
          </testsuite>
        </testsuites>
        """

    static let mocha = """
        <?xml version="1.0" encoding="UTF-8"?>
        <testsuites name="Mocha Tests" time="0.01" tests="2" failures="1">
          <testsuite name="Root Suite" timestamp="2026-03-01T10:00:00" tests="0" time="0.0" failures="0"></testsuite>
          <testsuite name="Array #indexOf()" timestamp="2026-03-01T10:00:00" tests="2" file="/repo/test/array.js" time="0.01" failures="1">
            <testcase name="Array #indexOf() should return -1" time="0.0" classname="should return -1"></testcase>
            <testcase name="Array #indexOf() should find" time="0.0" classname="should find">
              <failure message="expected 1 to equal 0" type="AssertionError"><![CDATA[AssertionError: expected 1 to equal 0
            at Context.<anonymous> (test/array.js:9:14)]]></failure>
            </testcase>
          </testsuite>
        </testsuites>
        """

    static let phpunit = """
        <?xml version="1.0" encoding="UTF-8"?>
        <testsuites>
          <testsuite name="Unit" tests="3" assertions="3" errors="0" failures="1" skipped="1" time="0.01">
            <testsuite name="Tests\\MathTest" file="/app/tests/MathTest.php" tests="3" failures="1" skipped="1" time="0.01">
              <testcase name="testAdd" class="Tests\\MathTest" classname="Tests.MathTest" file="/app/tests/MathTest.php" line="10" assertions="1" time="0.001"/>
              <testcase name="testSub" class="Tests\\MathTest" classname="Tests.MathTest" file="/app/tests/MathTest.php" line="15" assertions="1" time="0.002">
                <failure type="PHPUnit\\Framework\\ExpectationFailedException">Tests\\MathTest::testSub
        Failed asserting that 2 matches expected 1.

        /app/tests/MathTest.php:17</failure>
              </testcase>
              <testcase name="testSkip" classname="Tests.MathTest" time="0.0"><skipped/></testcase>
            </testsuite>
          </testsuite>
        </testsuites>
        """
}
