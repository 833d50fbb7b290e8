// The consumer's `mvn verify` must fail because of the SLO breach, with the documented message.
def log = new File(basedir, 'build.log').text
assert log.contains('SLO breached by SpinTest.spin200us() (confirmed by 1 re-measurement)')
assert log =~ /p99 = [0-9.]+ ms > budget 0\.0100 ms \(95% CI [0-9.]+–[0-9.]+ ms, n = 300\)/
assert log.contains('dev.junitperf.SloBreachError')
assert log.contains('BUILD FAILURE')
def results = new File(basedir, 'target/junit-perf/results.json')
assert results.isFile()
def json = new groovy.json.JsonSlurper().parse(results)
assert json.schema == 'junit-perf/1'
assert json.tests.size() == 1
assert json.tests[0].verdict == 'FAILED'
assert json.tests[0].runs.size() == 2
true
