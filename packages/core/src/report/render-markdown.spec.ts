import { buildReport } from './build-report';
import { renderReportHtml } from './render-html';
import { renderReportMarkdown } from './render-markdown';
import { lintResult, sampleProjects, testResult, typecheckResult, withQuality } from '../test-support/sample-inputs';
import type { ReportProjectInput } from './report-inputs';

const generatedAt = '2026-01-02T03:04:05.000Z';

/** A failing project with `failed` failing tests, `lint` lint errors and `types` type errors, all listed in its results. */
function failingProject(name: string, failed: number, lint: number, types: number): ReportProjectInput {
  const root = `libs/${name}`;
  const test = testResult(name, root, { failed: 1 });
  const failures = Array.from({ length: failed }, (_, i) => ({
    file: `${root}/src/a.spec.ts`,
    fullName: `${name} › case ${i} | *x*`,
    message: `expected ${i} <got>\nsecond line`,
    line: 10 + i,
  }));
  return withQuality({
    name,
    root,
    results: {
      test: { origin: 'fresh', value: { ...test, counts: { ...test.counts, failed }, failures } },
      lint: { origin: 'fresh', value: lintResult(name, root, lint, 0) },
      typecheck: { origin: 'fresh', value: typecheckResult(name, root, types) },
    },
  });
}

describe('report.md: what fails', () => {
  it('names the first failing tests, lint errors and type errors of each failing project, escaped, with "… N more"', () => {
    const markdown = renderReportMarkdown(buildReport({ generatedAt, producer: 'hook', projects: [failingProject('web', 7, 1, 6)] }));
    const section = markdown.slice(markdown.indexOf('### What fails'), markdown.indexOf('### Failing conditions'));
    expect(section.split('\n')).toEqual([
      '### What fails',
      '',
      '**web**',
      '',
      '- Failing tests (7):',
      '  - libs/web/src/a.spec.ts:10 web › case 0 \\| \\*x\\* – expected 0 &lt;got&gt;',
      '  - libs/web/src/a.spec.ts:11 web › case 1 \\| \\*x\\* – expected 1 &lt;got&gt;',
      '  - libs/web/src/a.spec.ts:12 web › case 2 \\| \\*x\\* – expected 2 &lt;got&gt;',
      '  - libs/web/src/a.spec.ts:13 web › case 3 \\| \\*x\\* – expected 3 &lt;got&gt;',
      '  - libs/web/src/a.spec.ts:14 web › case 4 \\| \\*x\\* – expected 4 &lt;got&gt;',
      '  - … 2 more',
      '- Lint errors (1):',
      '  - libs/web/src/a.ts:1 @typescript-eslint/no-explicit-any – Unexpected any \\| \\`x0\\` &lt;b&gt;',
      '- Type errors (6):',
      "  - libs/web/src/a.ts:10 TS2322 – Type 'string' is not assignable to type 'number'.",
      "  - libs/web/src/a.ts:11 TS2322 – Type 'string' is not assignable to type 'number'.",
      "  - libs/web/src/a.ts:12 TS2322 – Type 'string' is not assignable to type 'number'.",
      "  - libs/web/src/a.ts:13 TS2322 – Type 'string' is not assignable to type 'number'.",
      "  - libs/web/src/a.ts:14 TS2322 – Type 'string' is not assignable to type 'number'.",
      '  - … 1 more',
      '',
      '',
    ]);
  });

  it('counts what the result files did not list (their lists are capped, the counts are exact)', () => {
    const listed = failingProject('api', 2, 0, 0);
    const test = listed.results.test!.value!;
    const project = withQuality({ ...listed, results: { ...listed.results, test: { origin: 'fresh', value: { ...test, counts: { ...test.counts, failed: 52 }, failuresOmitted: 50 } } } });
    const markdown = renderReportMarkdown(buildReport({ generatedAt, producer: 'hook', projects: [project] }));
    expect(markdown).toContain('- Failing tests (52):');
    expect(markdown).toContain('  - … 50 more');
  });

  it('gets plurals right in every count phrase', () => {
    const one = renderReportMarkdown(buildReport({ generatedAt, producer: 'hook', projects: [failingProject('one', 1, 1, 1)] }));
    expect(one).toContain('Lint: **1 error**, 0 warnings');
    expect(one).toContain('- one: 1 error, 0 warnings');
    const many = renderReportMarkdown(buildReport({ generatedAt, producer: 'hook', projects: sampleProjects() }));
    expect(many).toContain('Lint: **3 errors**, 2 warnings');
    expect(many).toContain('fan-in 4, 120 lines');
    expect(many).not.toMatch(/\b1 (errors|warnings|lines|projects|entries)\b/);
    const passing = sampleProjects().filter((p) => p.name === 'beta');
    expect(renderReportMarkdown(buildReport({ generatedAt, producer: 'hook', projects: passing }))).toContain('✅ **The 1 evaluated project passes its gates**');
  });

  it('labels last known results, stale results and results that could not run', () => {
    const beta = sampleProjects().find((p) => p.name === 'beta')!;
    const error = { code: 'TASK_DID_NOT_FINISH', message: 'The task ended before jest wrote its result', hint: 'Run it with --batch=false' };
    const projects: ReportProjectInput[] = [
      ...sampleProjects().filter((p) => p.name === 'delta'),
      { ...beta, name: 'old', results: { ...beta.results, test: { origin: 'stale', file: 'dist/old/test.json', value: beta.results.test!.value!, reason: "this run's task failed without replacing it" } } },
      withQuality({ ...beta, name: 'crashed', results: { ...beta.results, test: { origin: 'fresh', value: { ...beta.results.test!.value!, status: 'error', error } } } }),
    ];
    const markdown = renderReportMarkdown(buildReport({ generatedAt, producer: 'hook', projects }));
    expect(markdown).toContain('| delta | not run (last known) |');
    expect(markdown).toMatch(/\| old \| 1 stale, 3 cached \| – \| – \| 0 \/ 0 \| 0 \| ❌ failed \|/);
    expect(markdown).toContain("- old test: stale (dist/old/test.json) – this run's task failed without replacing it");
    expect(markdown).toContain('- crashed test could not run (TASK\\_DID\\_NOT\\_FINISH): The task ended before jest wrote its result Fix: Run it with --batch=false');
    expect(markdown).toContain('Merged coverage leaves out 2 projects: crashed (its tests could not run (TASK\\_DID\\_NOT\\_FINISH)), old (its test result is stale (left by an earlier run)).');
  });

  it('shows a gate whose results were replaced since as not evaluated, in the table, the headline and the HTML details', () => {
    const beta = sampleProjects().find((p) => p.name === 'beta')!;
    const judged = withQuality(beta).results.quality!.value!;
    const inputs = Object.fromEntries((['test', 'lint', 'typecheck'] as const).map((kind) => [kind, { state: 'ok' as const, file: `${kind}.json`, startedAt: beta.results[kind]!.value!.startedAt }]));
    const rerun = { ...beta.results.test!, origin: 'fresh' as const, value: { ...beta.results.test!.value!, startedAt: '2026-01-02T04:00:00.000Z' } };
    const project = { ...beta, name: 'beta<1>', results: { ...beta.results, test: rerun, quality: { origin: 'not-run' as const, value: { ...judged, inputs } } } };
    const report = buildReport({ generatedAt, producer: 'hook', projects: [project] });
    const markdown = renderReportMarkdown(report);
    expect(markdown).toContain('| ➖ not evaluated |');
    expect(markdown).toContain('Gates not evaluated on the current results (a tool ran again without the quality target): beta&lt;1&gt;.');
    expect(renderReportHtml(report)).toContain('<p class="empty">Gate not evaluated on the current results: test.json of project beta&lt;1&gt; was written after its quality.json judged the project; run its quality target.</p>');
  });

  it("says where a lint result is not what the official lint target lints (its command could not be carried), escaped, in report.json, report.md and the HTML", () => {
    const sentence = 'The official target "lint" runs ESLint in a way nx-quality cannot reproduce (its option `--fix` changes what ESLint reports and is not carried): <b>';
    const project = withQuality({
      name: 'gamma_1',
      root: 'libs/gamma',
      results: { lint: { origin: 'fresh', value: { ...lintResult('gamma_1', 'libs/gamma', 0, 0), officialTargetNotCarried: sentence } } },
    });
    const report = buildReport({ generatedAt, producer: 'hook', projects: [project, ...sampleProjects()] });
    expect(report.projects.map((p) => p.lint?.notCarried).filter(Boolean)).toEqual([sentence]);
    const section = renderReportMarkdown(report).split('### Lint not as the official target lints')[1]?.trim().split('\n');
    expect(section).toEqual([
      '(1)',
      '',
      '- gamma\\_1: The official target "lint" runs ESLint in a way nx-quality cannot reproduce (its option \\`--fix\\` changes what ESLint reports and is not carried): &lt;b&gt;',
    ]);
    expect(renderReportHtml(report)).toContain('<h2>Lint not as the official target lints (1)</h2><ul><li>gamma_1: The official target &quot;lint&quot; runs ESLint');
  });

  it("names the official test targets a project's result holds together, and those it does not include, escaped, in report.json, report.md and the HTML", () => {
    const project = withQuality({
      name: 'utils',
      root: 'packages/utils',
      results: { test: { origin: 'fresh', value: { ...testResult('utils', 'packages/utils', {}), officialTargets: ['unit-test', 'int_<t>'], officialTargetsNotRun: ['int-test', 'perf_<x>'] } } },
    });
    const report = buildReport({ generatedAt, producer: 'hook', projects: [project, ...sampleProjects()] });
    expect(report.projects.filter((p) => p.tests?.notRun).map((p) => [p.name, p.tests?.notRun])).toEqual([['utils', ['int-test', 'perf_<x>']]]);
    expect(report.projects.filter((p) => p.tests?.targets).map((p) => [p.name, p.tests?.targets])).toEqual([['utils', ['unit-test', 'int_<t>']]]);
    const together = renderReportMarkdown(report).split('### Tests of several official targets, together')[1]?.trim().split('\n').slice(0, 3);
    expect(together).toEqual(['(1)', '', '- utils: unit-test, int\\_&lt;t&gt;']);
    expect(renderReportHtml(report)).toContain('<h2>Tests of several official targets, together (1)</h2><ul><li>utils: unit-test, int_&lt;t&gt;</li></ul>');
    const section = renderReportMarkdown(report).split('### Test targets whose tests are not in the results')[1]?.trim().split('\n');
    expect(section).toEqual(['(1)', '', '- utils: int-test, perf\\_&lt;x&gt;']);
    expect(renderReportHtml(report)).toContain('<h2>Test targets whose tests are not in the results (1)</h2><ul><li>utils: int-test, perf_&lt;x&gt;</li></ul>');
  });

  it('labels executed and static test-kind counts', () => {
    const alpha = sampleProjects().find((p) => p.name === 'alpha')!;
    const health = alpha.results.health!.value!;
    const ran = { ...health, testFiles: [{ file: 'packages/alpha/src/a.spec.ts', kind: 'unit', tests: 1, mockCalls: 0 }, { file: 'packages/alpha/src/b.int.ts', kind: 'integration', tests: 2, mockCalls: 0 }] };
    const markdown = renderReportMarkdown(
      buildReport({ generatedAt, producer: 'hook', projects: [withQuality({ ...alpha, results: { ...alpha.results, health: { origin: 'fresh', value: ran } } })] }),
    );
    // a.spec.ts declares 1 test call and ran 4 tests: 3 + (4 - 1) executed unit tests; the integration file did not run.
    expect(markdown).toContain('| alpha | 6 | 2 (static) |');
    expect(markdown).toMatch(/_static_: test calls the code-health scan counted/);
  });

  it('keeps a report with many failing projects under the byte limit', () => {
    const projects = Array.from({ length: 400 }, (_, i) => failingProject(`p${i}-${'x'.repeat(60)}`, 30, 10, 10));
    const markdown = renderReportMarkdown(buildReport({ generatedAt, producer: 'hook', projects }), 100_000);
    expect(Buffer.byteLength(markdown)).toBeLessThanOrEqual(100_000);
    expect(markdown).toMatch(/more failing projects not shown/);
  });
});
