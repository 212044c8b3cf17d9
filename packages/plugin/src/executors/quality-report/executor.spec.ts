import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExecutorContext } from '@nx/devkit';
import libCoverage from 'istanbul-lib-coverage';
import { ReportSchema, toCoverageSummary, type ReportJson } from '@nx-quality/core';
import executor from './executor';
import { createReportWorkspace } from '../../report/__fixtures__/report-workspace';
import { lintResult, sampleCoverage } from '@nx-quality/core/test-support';

function contextFor(root: string, graph: ExecutorContext['projectGraph'], nxJson: ExecutorContext['nxJsonConfiguration'] = {}): ExecutorContext {
  return {
    root,
    cwd: root,
    isVerbose: false,
    projectName: 'ws',
    targetName: 'quality-report',
    projectGraph: graph,
    nxJsonConfiguration: nxJson,
    projectsConfigurations: { version: 2, projects: Object.fromEntries(Object.entries(graph.nodes).map(([n, p]) => [n, p.data])) },
  } as ExecutorContext;
}

function readReport(root: string, dir = 'dist/quality-report'): ReportJson {
  return ReportSchema.parse(JSON.parse(readFileSync(join(root, dir, 'report.json'), 'utf8')));
}

describe('quality-report executor', () => {
  let ws: ReturnType<typeof createReportWorkspace>;
  let output: string[];
  const env = { ...process.env };
  beforeEach(async () => {
    ws = createReportWorkspace();
    await ws.evaluate();
    output = [];
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => (output.push(String(chunk)), true));
    jest.spyOn(console, 'info').mockImplementation((...args) => void output.push(args.join(' ')));
    jest.spyOn(console, 'warn').mockImplementation((...args) => void output.push(args.join(' ')));
    jest.spyOn(console, 'error').mockImplementation((...args) => void output.push(args.join(' ')));
    delete process.env['GITHUB_ACTIONS'];
    delete process.env['GITHUB_STEP_SUMMARY'];
  });
  afterEach(() => {
    jest.restoreAllMocks();
    process.env = { ...env };
    ws.cleanup();
  });

  it('writes every format from the results the project graph declares, listing bad ones instead of aborting', async () => {
    const result = await executor({}, contextFor(ws.root, ws.graph));
    expect(result).toEqual({ success: true });
    expect(readdirSync(join(ws.root, 'dist/quality-report')).sort()).toEqual([
      'cobertura.xml',
      'coverage-final.json',
      'index.html',
      'junit.xml',
      'lcov.info',
      'quality.sarif',
      'report.json',
      'report.md',
    ]);
    const report = readReport(ws.root);
    expect(report.projects.map((p) => p.name)).toEqual(['alpha', 'beta', 'evil', 'gamma']);
    const gamma = report.projects.find((p) => p.name === 'gamma');
    expect(gamma?.results['test']).toMatchObject({ origin: 'invalid', reason: expect.stringMatching(/not valid JSON.*truncated/) });
    expect(gamma?.results['lint']).toMatchObject({ origin: 'invalid', reason: expect.stringMatching(/schemaVersion 99, newer/) });
    expect(gamma?.results['typecheck']).toMatchObject({ origin: 'invalid', reason: 'belongs to project "beta", not "gamma"; check the resultsDir options' });
    expect(gamma?.results['health']).toMatchObject({ origin: 'missing', file: 'dist/quality/packages/gamma/health.json' });
    expect(report.projects.find((p) => p.name === 'alpha')?.results['test']).toMatchObject({ origin: 'recorded', status: 'failed' });
    const evil = report.projects.find((p) => p.name === 'evil');
    expect(evil?.results['test']).toMatchObject({ origin: 'invalid', reason: 'target test declares its outputs outside the workspace' });
    expect(report.invalidOutputs.map((o) => o.output)).toEqual(['{workspaceRoot}/../outside/{projectName}/test.json', '/etc/nxq/coverage-final.json']);
    // evil has a test target but no quality target: nothing judges its gates.
    expect(evil?.gate.status).toBe('not-evaluated');
    expect(report.totals.gatesFailed).toBe(2);
    expect(output.join('\n')).toMatch(/nx-quality report: 2 of 4 projects fail their gates \(1 not evaluated\)/);
    expect(output.join('\n')).toMatch(/report: dist\/quality-report\/index.html/);
  });

  it("merges coverage to the totals istanbul computes from the same per-project files, with workspace-relative paths", async () => {
    await executor({ formats: ['json', 'coverage'] }, contextFor(ws.root, ws.graph));
    const istanbul = libCoverage.createCoverageMap({});
    for (const source of sampleCoverage()) istanbul.merge(libCoverage.createCoverageMap(JSON.parse(readFileSync(join(ws.root, source.file), 'utf8'))));
    expect(readReport(ws.root).totals.coverage).toEqual(toCoverageSummary(istanbul.getCoverageSummary()));
    const merged = JSON.parse(readFileSync(join(ws.root, 'dist/quality-report/coverage-final.json'), 'utf8'));
    expect(Object.keys(merged)).toEqual(['packages/alpha/src/a.ts', 'packages/beta/src/b & <c>.ts', 'packages/shared/src/util.ts']);
    expect(readFileSync(join(ws.root, 'dist/quality-report/lcov.info'), 'utf8')).not.toContain(ws.root);
    expect(existsSync(join(ws.root, 'dist/quality-report/index.html'))).toBe(false);
  });

  it('appends report.md to $GITHUB_STEP_SUMMARY and prints at most 10 error annotations in GitHub Actions', async () => {
    const summary = join(ws.root, 'step-summary.md');
    writeFileSync(summary, 'earlier step\n');
    process.env['GITHUB_STEP_SUMMARY'] = summary;
    process.env['GITHUB_ACTIONS'] = 'true';
    await executor({ formats: ['md'] }, contextFor(ws.root, ws.graph));
    const text = readFileSync(summary, 'utf8');
    expect(text.startsWith('earlier step\n## nx-quality report')).toBe(true);
    expect(text).toBe(`earlier step\n${readFileSync(join(ws.root, 'dist/quality-report/report.md'), 'utf8')}`);
    const annotations = output.filter((line) => line.startsWith('::error '));
    expect(annotations.length).toBeGreaterThan(0);
    expect(annotations.length).toBeLessThanOrEqual(10);
    expect(annotations[0]).toMatch(/^::error file=packages\/alpha\/project.json,title=quality gate%3A alpha::tests.failed 1 != 0/);
  });

  it('tightens the baseline on request and then fails a metric that gets worse (failOnViolations)', async () => {
    expect(await executor({ updateBaseline: true, formats: ['json'] }, contextFor(ws.root, ws.graph))).toEqual({ success: true });
    const baseline = JSON.parse(readFileSync(join(ws.root, 'quality-baseline.json'), 'utf8'));
    expect(baseline.projects.alpha['lint.errors']).toBe(3);
    expect(baseline.projects.gamma).toBeUndefined();
    // alpha gets two more lint errors.
    ws.write('dist/quality/packages/alpha/lint.json', lintResult('alpha', 'packages/alpha', 5, 2));
    await ws.evaluate();
    const result = await executor({ failOnViolations: true, formats: ['json', 'md'] }, contextFor(ws.root, ws.graph));
    expect(result).toEqual({ success: false });
    const report = readReport(ws.root);
    expect(report.failingConditions).toContainEqual(expect.objectContaining({ project: 'alpha', metric: 'lint.errors', source: 'baseline', message: 'lint.errors 5 > 3 (project alpha, baseline)' }));
    expect(report.projects.find((p) => p.name === 'alpha')?.deltas).toContainEqual(expect.objectContaining({ text: 'lint.errors 3 → 5', trend: 'worse' }));
    expect(readFileSync(join(ws.root, 'dist/quality-report/report.md'), 'utf8')).toContain('🔺 worse: lint.errors 3 → 5 (alpha)');
  });

  it('applies gates from quality.config.json per tag, and lists an invalid config without aborting', async () => {
    ws.write('quality.config.json', { gates: { defaults: [], tags: { 'scope:core': [{ metric: 'coverage.lines', op: '>=', threshold: 90 }] } } });
    await ws.evaluate();
    await executor({ formats: ['json'] }, contextFor(ws.root, ws.graph));
    let report = readReport(ws.root);
    expect(report.projects.find((p) => p.name === 'alpha')?.gate.violations).toEqual(['coverage.lines 72 < 90 (project alpha, tag:scope:core)']);
    expect(report.projects.find((p) => p.name === 'beta')?.gate.status).toBe('passed');
    ws.write('quality.config.json', '{ "gates": ');
    await ws.evaluate();
    await executor({ formats: ['json'] }, contextFor(ws.root, ws.graph));
    report = readReport(ws.root);
    expect(report.problems[0]).toMatch(/quality\.config\.json is not valid JSON/);
    // The quality targets failed on it; the report says so rather than judging without the file.
    expect(report.projects.find((p) => p.name === 'beta')?.gate).toMatchObject({ status: 'failed', violations: [expect.stringMatching(/quality\.config\.json is not valid JSON/)] });
  });

  it('does not list health.json as missing when the health analysis is turned off', async () => {
    ws.write('quality.config.json', { health: false });
    await ws.evaluate();
    await executor({ formats: ['json'] }, contextFor(ws.root, ws.graph));
    const gamma = readReport(ws.root).projects.find((p) => p.name === 'gamma');
    expect(Object.keys(gamma?.results ?? {}).sort()).toEqual(['lint', 'quality', 'test', 'typecheck']);
  });

  it('reads a lint.json with 100,000 messages and keeps every format within its limits', async () => {
    ws.write('dist/quality/packages/alpha/lint.json', lintResult('alpha', 'packages/alpha', 100_000, 0));
    await executor({}, contextFor(ws.root, ws.graph));
    const report = readReport(ws.root);
    expect(report.projects.find((p) => p.name === 'alpha')?.lint?.errors).toBe(100_000);
    const size = (name: string) => readFileSync(join(ws.root, 'dist/quality-report', name)).length;
    expect(size('report.md')).toBeLessThan(1024 * 1024);
    expect(size('index.html')).toBeLessThan(500_000);
    expect(size('quality.sarif')).toBeLessThan(10 * 1024 * 1024);
    expect(JSON.parse(readFileSync(join(ws.root, 'dist/quality-report/quality.sarif'), 'utf8')).runs[0].properties.resultsOmitted).toBe(95_000);
  });

  it('rejects invalid options naming each one, and an output folder outside the workspace', async () => {
    const result = await executor({ outputDir: '../elsewhere', formats: ['pdf'] } as never, contextFor(ws.root, ws.graph));
    expect(result).toEqual({ success: false });
    const text = output.join('\n');
    expect(text).toMatch(/outputDir: outputDir must stay inside the workspace/);
    expect(text).toMatch(/formats\[0\]/);
    expect(existsSync(join(ws.root, '../elsewhere'))).toBe(false);
  });
});
