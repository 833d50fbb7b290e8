// Two `mvn verify` runs into one report directory without a clean, each over two Surefire forks; the test class
// of src/deleted-later/java ran in the first only. The second run's reports describe the second run only.
import groovy.json.JsonSlurper

def target = new File(basedir, 'target')
def slurper = new JsonSlurper()
def pids = { String run -> new File(target, 'forks').listFiles().findAll { it.name.startsWith(run + '-') }*.text as Set }

// The first run: three test classes in three fork JVMs, one run id, all three counted.
assert pids('first').size() == 3 : "first run's forks: ${pids('first')}"
def first = slurper.parse(new File(target, 'first-run/results.json'))
assert first.tests*.method as Set == ['kept', 'other', 'deleted'] as Set
assert first.tests*.runId.unique().size() == 1
assert first.run.id == first.tests[0].runId && first.run.id.startsWith('build-')
assert first.earlierResults == null
assert new File(target, 'first-run/summary.md').text.contains('3 perf tests: 3 passed, 0 failed, 0 inconclusive.')

// The second run: the deleted class is gone from the build, its result file is still in tests/ ...
assert pids('second').size() == 2 : "second run's forks: ${pids('second')}"
assert !new File(target, 'test-classes/com/example/DeletedPerfTests.class').exists()
assert new File(target, 'junit-perf/tests').listFiles().findAll { it.name.contains('DeletedPerfTests') }.size() == 1

// ... and no report counts it as run.
def second = slurper.parse(new File(target, 'junit-perf/results.json'))
assert second.run.id != first.run.id && second.run.id.startsWith('build-')
assert second.tests*.method as Set == ['kept', 'other'] as Set
assert second.tests*.runId.every { it == second.run.id }
assert second.earlierResults.size() == 1
assert second.earlierResults[0].test.startsWith('DeletedPerfTests ')
assert second.earlierResults[0].runId == first.run.id

def summary = new File(target, 'junit-perf/summary.md').text
assert summary.contains('2 perf tests: 2 passed, 0 failed, 0 inconclusive.')
assert summary.contains('1 result in tests/ is from earlier runs')
assert summary.readLines().findAll { it.startsWith('| ') && it.contains('DeletedPerfTests') }.isEmpty()
def html = new File(target, 'junit-perf/report.html').text
assert html.contains('<p>2 perf tests: 2 passed, 0 failed, 0 inconclusive.</p>')
def sections = html.substring(html.indexOf('<h2>Tests</h2>'))
assert !sections.contains('DeletedPerfTests') && sections.contains('KeptPerfTests')
assert !new File(target, 'junit-perf/benchmark-action.json').text.contains('DeletedPerfTests')
true
