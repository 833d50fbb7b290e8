// The consumer's `mvn verify` must fail because the test allocates 1,040 B/op against a 1,024 B/op budget.
def log = new File(basedir, 'build.log').text
assert log.contains('SLO breached by AllocatingTest.oneKilobytePerCall()')
assert log.contains('allocated 1,040 B/op > budget 1,024 B/op (n = 10,000)')
assert log.contains('BUILD FAILURE')
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/junit-perf/results.json'))
assert json.tests[0].memory.allocatedBytesPerOpMeasuringThreads == 1040
assert json.tests[0].breaches[0].objective == 'allocatedBytesPerOp'
true
