import type { TestFailure, TestFileResult } from '../schemas/test-result';
import { escapeXml as x } from '../text/escape-xml';
import type { ProjectFindings, Report } from './report-model';

function seconds(ms: number | undefined): string {
  return ((ms ?? 0) / 1000).toFixed(3);
}

function firstLine(text: string): string {
  return text.split('\n').find((line) => line.trim() !== '') ?? text;
}

interface Suite {
  xml: string;
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
  timeMs: number;
}

function errorCase(classname: string, name: string, message: string, type: string, body: string): string {
  return `    <testcase classname="${x(classname)}" name="${x(name)}" time="0.000"><error message="${x(message)}" type="${x(type)}">${x(body)}</error></testcase>`;
}

/** The cases of one file: those test.json lists, then its failures that the per-file cap left out of that list. */
function fileCases(file: TestFileResult, failures: TestFailure[]): { cases: string[]; failuresListed: number } {
  const cases: string[] = [];
  let failuresListed = 0;
  const messages = new Map<string, string[]>();
  for (const failure of failures) {
    const queue = messages.get(failure.fullName) ?? [];
    queue.push(failure.message);
    messages.set(failure.fullName, queue);
  }
  const failureCase = (fullName: string, durationMs: number | undefined, message: string) => {
    failuresListed += 1;
    return `    <testcase classname="${x(file.file)}" name="${x(fullName)}" file="${x(file.file)}" time="${seconds(durationMs)}"><failure message="${x(firstLine(message))}" type="AssertionError">${x(message)}</failure></testcase>`;
  };
  if (file.status === 'error') {
    cases.push(
      `    <testcase classname="${x(file.file)}" name="(test file could not run)" file="${x(file.file)}" time="${seconds(file.durationMs)}"><error message="${x(firstLine(file.failureMessage ?? 'test file failed to run'))}" type="SuiteError">${x(file.failureMessage ?? '')}</error></testcase>`,
    );
  }
  for (const test of file.tests) {
    if (test.status === 'failed') {
      cases.push(failureCase(test.fullName, test.durationMs, messages.get(test.fullName)?.shift() ?? 'failed'));
      continue;
    }
    const open = `    <testcase classname="${x(file.file)}" name="${x(test.fullName)}" file="${x(file.file)}" time="${seconds(test.durationMs)}"`;
    cases.push(test.status === 'skipped' || test.status === 'todo' ? `${open}><skipped message="${test.status}"/></testcase>` : `${open}/>`);
  }
  // test.json caps the cases it lists per file, not its failure list: a failure past the cap is still named.
  for (const [fullName, queue] of messages) {
    if (fullName === FILE_FAILED_TO_RUN) continue;
    for (const message of queue) cases.push(failureCase(fullName, undefined, message));
  }
  return { cases, failuresListed };
}

/** The name test.json gives the failure entry of a file that could not run (reported as an error case). */
const FILE_FAILED_TO_RUN = '(test file failed to run)';

function suiteFor({ project, test: input }: ProjectFindings): Suite | undefined {
  if (!input) return undefined;
  const result = input.run;
  const cases: string[] = [];
  let tests = 0;
  let failures = 0;
  let errors = 0;
  let skipped = 0;
  const properties = [`      <property name="nx-quality.origin" value="${x(input.origin)}"/>`];
  if (!result) {
    // A test task of this run that left no result is a failure to report, not a project without tests.
    const ranWithoutResult = input.origin === 'missing' && input.taskStatus !== undefined;
    if (input.origin !== 'invalid' && input.origin !== 'stale' && !ranWithoutResult) return undefined;
    errors += 1;
    tests += 1;
    const detail = `${input.file ?? ''}: ${input.reason ?? ''}`;
    cases.push(
      input.origin === 'stale'
        ? errorCase(project, '(test result stale)', input.reason ?? 'left by an earlier run', 'ResultStale', detail)
        : input.origin === 'missing'
          ? errorCase(project, '(test result missing)', input.reason ?? 'no result written', 'ResultMissing', detail)
          : errorCase(project, '(test result unreadable)', input.reason ?? 'invalid', 'ResultInvalid', detail),
    );
  } else if (result.status === 'error') {
    errors += 1;
    tests += 1;
    cases.push(errorCase(project, '(tests could not run)', result.error?.message ?? 'tool error', result.error?.code ?? 'ToolError', result.error?.hint ?? ''));
  } else {
    const byFile = new Map<string, TestFailure[]>();
    for (const failure of result.failures) {
      const list = byFile.get(failure.file) ?? [];
      list.push(failure);
      byFile.set(failure.file, list);
    }
    let failuresListed = 0;
    let casesListed = 0;
    for (const file of result.files) {
      const listed = fileCases(file, byFile.get(file.file) ?? []);
      cases.push(...listed.cases);
      failuresListed += listed.failuresListed;
      casesListed += listed.cases.length - (file.status === 'error' ? 1 : 0);
      if (file.status === 'error') errors += 1;
    }
    // The counts are the run's, exact, whatever the lists in test.json leave out.
    tests = result.counts.total + errors;
    failures = result.counts.failed;
    skipped = result.counts.skipped + result.counts.todo;
    if (casesListed < result.counts.total) properties.push(`      <property name="nx-quality.testsNotListed" value="${result.counts.total - casesListed}"/>`);
    if (failuresListed < result.counts.failed) properties.push(`      <property name="nx-quality.failuresNotListed" value="${result.counts.failed - failuresListed}"/>`);
  }
  const timeMs = result?.durationMs ?? 0;
  const xml =
    `  <testsuite name="${x(project)}" tests="${tests}" failures="${failures}" errors="${errors}" skipped="${skipped}" time="${seconds(timeMs)}">\n` +
    `    <properties>\n${properties.join('\n')}\n    </properties>\n${cases.join('\n')}${cases.length ? '\n' : ''}  </testsuite>`;
  return { xml, tests, failures, errors, skipped, timeMs };
}

/**
 * `junit.xml`: one `<testsuite>` per project with a test target, one `<testcase>` per recorded test
 * (file as classname), failures with their message, skipped/todo as `<skipped>`, test files that
 * could not run, unreadable or stale results, and results a test task of this run did not write as
 * `<error>`. test.json caps the passing cases it
 * lists per file; every failure it names is listed here, past that cap too, because CI systems read
 * failures from JUnit. The `tests`/`failures`/`skipped` counts are the run's exact counts (plus one
 * test per error case), not those of the listed cases. All text is XML-escaped with characters XML
 * forbids removed.
 */
export function renderJunit(report: Report): string {
  const suites = report.findings.map(suiteFor).filter((s): s is Suite => s !== undefined);
  const sum = (key: 'tests' | 'failures' | 'errors' | 'skipped' | 'timeMs') => suites.reduce((total, s) => total + s[key], 0);
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<testsuites name="nx-quality" tests="${sum('tests')}" failures="${sum('failures')}" errors="${sum('errors')}" skipped="${sum('skipped')}" time="${seconds(sum('timeMs'))}">\n` +
    suites.map((s) => `${s.xml}\n`).join('') +
    '</testsuites>\n'
  );
}
