// The consumer's `mvn verify` must pass for a met SLO and leave a results file.
def log = new File(basedir, 'build.log').text
assert log.contains('[junit-perf] PASSED')
assert log.contains('BUILD SUCCESS')
// Attaching the results JSON to JUnit's report (publishFile, JUnit 5.12+) works, or is skipped on 5.10, in silence.
assert !log.contains('could not attach')
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/junit-perf/results.json'))
assert json.schema == 'junit-perf/2'
assert json.tests[0].verdict == 'PASSED'
assert json.tests[0].samples == 300
true
