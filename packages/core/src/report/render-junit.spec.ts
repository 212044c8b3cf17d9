import { XMLParser } from 'fast-xml-parser';
import type { TestResult } from '../schemas/test-result';
import { testResult } from '../test-support/sample-inputs';
import { buildReport } from './build-report';
import { renderJunit } from './render-junit';
import type { ReportProjectInput } from './report-inputs';

const TEST_CASES_PER_FILE_CAP = 1000;

/** A test.json of one file with `total` cases, `failing` of them failing and spread through it, as the test executor caps it. */
function largeSuite(total: number, failing: number): TestResult {
  const base = testResult('big', 'libs/big');
  const file = 'libs/big/src/big.spec.ts';
  const every = Math.floor(total / failing);
  const cases = Array.from({ length: total }, (_, i) => ({
    fullName: `big › case ${i}`,
    status: (i % every === every - 1 && Math.floor(i / every) < failing ? 'failed' : 'passed') as 'failed' | 'passed',
  }));
  const failures = cases.filter((c) => c.status === 'failed').map((c) => ({ file, fullName: c.fullName, message: `${c.fullName} <failed> &\nExpected: 1` }));
  const counts = { total, passed: total - failing, failed: failing, skipped: 0, todo: 0 };
  return {
    ...base,
    status: 'failed',
    counts,
    suites: { total: 1, passed: 0, failed: 1, errored: 0 },
    failures,
    failuresOmitted: 0,
    files: [{ file, status: 'failed', counts, durationMs: 5, tests: cases.slice(0, TEST_CASES_PER_FILE_CAP) }],
  };
}

const junitOf = (projects: ReportProjectInput[]) => renderJunit(buildReport({ generatedAt: '2026-01-02T03:04:05.000Z', producer: 'executor', projects }));

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testsuite', 'testcase', 'property'].includes(name) });

interface Parsed {
  testsuites: {
    tests: string;
    failures: string;
    skipped: string;
    testsuite: { name: string; tests: string; failures: string; properties: { property: { name: string; value: string }[] }; testcase: { name: string; failure?: { message: string } }[] }[];
  };
}

describe('junit.xml', () => {
  it('lists every failure of a 5,001-case suite with 50 failures, beyond the cases test.json lists, with exact counts', () => {
    const result = largeSuite(5001, 50);
    // The fixture is what the test executor writes: only 1,000 cases listed, 10 of them failing.
    expect(result.files[0]?.tests.filter((t) => t.status === 'failed')).toHaveLength(10);
    const xml = junitOf([{ name: 'big', root: 'libs/big', results: { test: { origin: 'fresh', value: result } } }]);
    const parsed = parser.parse(xml) as Parsed;
    const suite = parsed.testsuites.testsuite[0]!;
    expect(parsed.testsuites).toMatchObject({ tests: '5001', failures: '50', skipped: '0' });
    expect(suite).toMatchObject({ name: 'big', tests: '5001', failures: '50' });
    const failed = suite.testcase.filter((c) => c.failure);
    expect(failed).toHaveLength(50);
    expect(new Set(failed.map((c) => c.name))).toEqual(new Set(result.failures.map((f) => f.fullName)));
    expect(failed[49]?.failure?.message).toBe(`${result.failures[49]?.fullName} <failed> &`);
    // Passing cases stay capped; how many are not listed is said.
    expect(suite.testcase).toHaveLength(1000 + 40);
    expect(suite.properties.property).toContainEqual({ name: 'nx-quality.testsNotListed', value: String(5001 - 1040) });
    expect(suite.properties.property.some((p) => p.name === 'nx-quality.failuresNotListed')).toBe(false);
  });

  it('says how many failures test.json itself left out, and keeps the counts exact', () => {
    const result = { ...largeSuite(200, 20), failuresOmitted: 15 };
    result.failures = result.failures.slice(0, 5);
    result.files = result.files.map((f) => ({ ...f, tests: f.tests.slice(0, 50) }));
    const parsed = parser.parse(junitOf([{ name: 'big', root: 'libs/big', results: { test: { origin: 'fresh', value: result } } }])) as Parsed;
    const suite = parsed.testsuites.testsuite[0]!;
    expect(suite).toMatchObject({ tests: '200', failures: '20' });
    // Cases 9, 19, 29, 39, 49 fail inside the listed 50; no other failure is named in test.json.
    expect(suite.testcase.filter((c) => c.failure)).toHaveLength(5);
    expect(suite.properties.property).toContainEqual({ name: 'nx-quality.failuresNotListed', value: '15' });
  });

  it('reports a stale test result as an error, not as its old passing cases', () => {
    const parsed = parser.parse(
      junitOf([{ name: 'old', root: 'libs/old', results: { test: { origin: 'stale', file: 'dist/old/test.json', reason: "this run's task failed without replacing it", value: testResult('old', 'libs/old') } } }]),
    ) as Parsed;
    const suite = parsed.testsuites.testsuite[0]!;
    expect(suite).toMatchObject({ tests: '1', failures: '0' });
    expect(suite.testcase.map((c) => c.name)).toEqual(['(test result stale)']);
    expect(parsed.testsuites.testsuite[0]?.properties.property).toContainEqual({ name: 'nx-quality.origin', value: 'stale' });
  });

  it('reports a test task of this run that wrote no result as an error; a project outside the run without one has no suite', () => {
    const parsed = parser.parse(
      junitOf([
        { name: 'ran', root: 'libs/ran', results: { test: { origin: 'missing', file: 'dist/ran/test.json', reason: 'target test has not written it', taskStatus: 'failure', nothingOnDisk: true } } },
        { name: 'out', root: 'libs/out', results: { test: { origin: 'not-run', nothingOnDisk: true } } },
      ]),
    ) as Parsed;
    expect(parsed.testsuites.testsuite.map((s) => s.name)).toEqual(['ran']);
    expect(parsed.testsuites.testsuite[0]?.testcase.map((c) => c.name)).toEqual(['(test result missing)']);
  });
});
