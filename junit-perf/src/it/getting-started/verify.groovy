// docs/getting-started.md's Maven set-up, verbatim: the unit tests run in Surefire without the perf test, the
// perf test runs in Failsafe (after the unit tests and the jar) and only there, and both pass.
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')

def unitReports = new File(basedir, 'target/surefire-reports')
def perfReports = new File(basedir, 'target/failsafe-reports')
assert new File(unitReports, 'TEST-com.example.PricesTests.xml').text =~ /tests="2"[^>]* failures="0"/
assert !new File(unitReports, 'TEST-com.example.PricesPerfTests.xml').exists()
assert new File(perfReports, 'TEST-com.example.PricesPerfTests.xml').text =~ /tests="1"[^>]* failures="0"/
assert !new File(perfReports, 'TEST-com.example.PricesTests.xml').exists()

def surefireAt = log.indexOf('--- surefire:')
def failsafeAt = log.indexOf('--- failsafe:')
// The separator of the display path is not ASCII; match any one character, whatever the console's encoding.
def perfLine = log =~ /\[junit-perf\] PASSED +PricesPerfTests \S+ priceLookup/
def perfLineAt = perfLine.find() ? perfLine.start() : -1
assert surefireAt >= 0 && failsafeAt > surefireAt
assert perfLineAt > failsafeAt : 'the perf test must run in the Failsafe execution, not in Surefire'

def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/junit-perf/results.json'))
assert json.tests.size() == 1
assert json.tests[0].method == 'priceLookup'
assert json.tests[0].verdict == 'PASSED'
true
