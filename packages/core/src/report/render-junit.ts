import type { TestResult } from '../schemas/test-result';
import { escapeXml as x } from './escape-xml';
import type { ReportProjectInput } from './report-inputs';

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

function suiteFor(project: ReportProjectInput): Suite | undefined {
  const input = project.results.test;
  if (!input) return undefined;
  const result: TestResult | undefined = input.origin === 'invalid' || input.origin === 'missing' ? undefined : input.value;
  const cases: string[] = [];
  let failures = 0;
  let errors = 0;
  let skipped = 0;
  if (!result) {
    if (input.origin !== 'invalid') return undefined;
    errors += 1;
    cases.push(
      `    <testcase classname="${x(project.name)}" name="(test result unreadable)" time="0.000"><error message="${x(input.reason ?? 'invalid')}" type="ResultInvalid">${x(`${input.file ?? ''}: ${input.reason ?? ''}`)}</error></testcase>`,
    );
  } else if (result.status === 'error') {
    errors += 1;
    cases.push(
      `    <testcase classname="${x(project.name)}" name="(tests could not run)" time="0.000"><error message="${x(result.error?.message ?? 'tool error')}" type="${x(result.error?.code ?? 'ToolError')}">${x(result.error?.hint ?? '')}</error></testcase>`,
    );
  } else {
    const messages = new Map<string, string>();
    for (const failure of result.failures) messages.set(`${failure.file}\u0000${failure.fullName}`, failure.message);
    for (const file of result.files) {
      if (file.status === 'error') {
        errors += 1;
        cases.push(
          `    <testcase classname="${x(file.file)}" name="(test file could not run)" file="${x(file.file)}" time="${seconds(file.durationMs)}"><error message="${x(firstLine(file.failureMessage ?? 'test file failed to run'))}" type="SuiteError">${x(file.failureMessage ?? '')}</error></testcase>`,
        );
      }
      for (const test of file.tests) {
        const open = `    <testcase classname="${x(file.file)}" name="${x(test.fullName)}" file="${x(file.file)}" time="${seconds(test.durationMs)}"`;
        if (test.status === 'failed') {
          failures += 1;
          const message = messages.get(`${file.file}\u0000${test.fullName}`) ?? 'failed';
          cases.push(`${open}><failure message="${x(firstLine(message))}" type="AssertionError">${x(message)}</failure></testcase>`);
        } else if (test.status === 'skipped' || test.status === 'todo') {
          skipped += 1;
          cases.push(`${open}><skipped message="${test.status}"/></testcase>`);
        } else cases.push(`${open}/>`);
      }
    }
  }
  const timeMs = result?.durationMs ?? 0;
  const tests = cases.length;
  const properties = [`      <property name="nx-quality.origin" value="${x(input.origin)}"/>`];
  if (result && result.status !== 'error') {
    const listed = result.files.reduce((sum, f) => sum + f.tests.length, 0);
    if (listed < result.counts.total) properties.push(`      <property name="nx-quality.testsNotListed" value="${result.counts.total - listed}"/>`);
  }
  const xml =
    `  <testsuite name="${x(project.name)}" tests="${tests}" failures="${failures}" errors="${errors}" skipped="${skipped}" time="${seconds(timeMs)}">\n` +
    `    <properties>\n${properties.join('\n')}\n    </properties>\n${cases.join('\n')}${cases.length ? '\n' : ''}  </testsuite>`;
  return { xml, tests, failures, errors, skipped, timeMs };
}

/**
 * `junit.xml`: one `<testsuite>` per project with a test target, one `<testcase>` per recorded test
 * (file as classname), failures with their message, skipped/todo as `<skipped>`, test files that
 * could not run and unreadable results as `<error>`. All text is XML-escaped with characters XML
 * forbids removed; suite counts are those of the listed cases.
 */
export function renderJunit(projects: ReportProjectInput[]): string {
  const suites = [...projects]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map(suiteFor)
    .filter((s): s is Suite => s !== undefined);
  const sum = (key: 'tests' | 'failures' | 'errors' | 'skipped' | 'timeMs') => suites.reduce((total, s) => total + s[key], 0);
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<testsuites name="nx-quality" tests="${sum('tests')}" failures="${sum('failures')}" errors="${sum('errors')}" skipped="${sum('skipped')}" time="${seconds(sum('timeMs'))}">\n` +
    suites.map((s) => `${s.xml}\n`).join('') +
    '</testsuites>\n'
  );
}
