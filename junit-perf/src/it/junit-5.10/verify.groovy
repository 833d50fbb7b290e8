// A consumer on JUnit 5.10.x: the unit tests run in Surefire's default execution (and assert the JUnit version),
// the perf tests run in the second execution `perf-tests` and only there, and all pass.
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
// Attaching the results JSON to JUnit's report (publishFile, JUnit 5.12+) works, or is skipped on 5.10, in silence.
assert !log.contains('could not attach')

def unitReports = new File(basedir, 'target/surefire-reports')
def perfReports = new File(basedir, 'target/surefire-reports-perf')
assert new File(unitReports, 'TEST-com.example.PricesTests.xml').text =~ /tests="2"[^>]* failures="0"/
assert !new File(unitReports, 'TEST-com.example.PricesPerfTests.xml').exists()
assert new File(perfReports, 'TEST-com.example.PricesPerfTests.xml').text =~ /tests="3"[^>]* failures="0"/
assert !new File(perfReports, 'TEST-com.example.PricesTests.xml').exists()

def unitAt = log.indexOf('(default-test) @ junit-5.10')
def perfAt = log.indexOf('(perf-tests) @ junit-5.10')
// The separator of the display path is not ASCII; match any one character, whatever the console's encoding.
def perfLine = log =~ /\[junit-perf\] PASSED +PricesPerfTests \S+ priceLookup/
def perfLineAt = perfLine.find() ? perfLine.start() : -1
assert unitAt >= 0 && perfAt > unitAt
assert perfLineAt > perfAt : 'the perf test must run in the perf-tests execution, not in default-test'

def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/junit-perf/results.json'))
assert json.tests.size() == 3
assert json.tests*.verdict.every { it == 'PASSED' }
true
