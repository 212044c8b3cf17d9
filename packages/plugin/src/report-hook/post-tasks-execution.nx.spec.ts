import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { QualityError, ReportSchema, type ReportJson } from '@nx-quality/core';
import { copyFixture } from '../test-support/copy-fixture';

const REPO_ROOT = join(__dirname, '../../../..');
const BUILT_HOOK = join(REPO_ROOT, 'packages/plugin/dist/report-hook/post-tasks-execution.js');
const NX = join(REPO_ROOT, 'node_modules/.bin/nx');

/**
 * Runs the real Nx CLI in the workspace; the hook's summary is printed after Nx's own. An outer `nx …
 * --skip-nx-cache` running this suite must not turn the cache off here. The cache and the workspace
 * data (the project graph the hook reads) are the workspace's own: Nx 23 otherwise keeps them under
 * the home directory, where other runs of Nx can reach them.
 */
function nx(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}): { status: number | null; output: string } {
  const run = spawnSync(NX, args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      NX_DAEMON: 'false',
      NX_NO_CLOUD: 'true',
      NX_TUI: 'false',
      FORCE_COLOR: '0',
      GITHUB_ACTIONS: '',
      GITHUB_STEP_SUMMARY: '',
      NX_SKIP_NX_CACHE: '',
      NX_CACHE_DIRECTORY: join(cwd, '.nx/cache'),
      NX_WORKSPACE_DATA_DIRECTORY: join(cwd, '.nx/workspace-data'),
      ...env,
    },
    timeout: 240_000,
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

function readReport(dir: string): ReportJson {
  return ReportSchema.parse(JSON.parse(readFileSync(join(dir, 'dist/quality-report/report.json'), 'utf8')));
}

const origins = (report: ReportJson) => Object.fromEntries(report.projects.map((p) => [p.name, p.results['test']]));

// Real Nx 23 running the built hook and the real test executor on a two-project workspace.
describe('the after-run report under real Nx', () => {
  let ws: { dir: string; cleanup: () => void };

  beforeAll(() => {
    if (!existsSync(BUILT_HOOK)) throw new QualityError('HOOK_NOT_BUILT', `${BUILT_HOOK} is missing.`, { hint: 'Run `npm run build` first (npm test does).' });
    ws = copyFixture(join(__dirname, '__fixtures__/hook-workspace'), 'hook-nx');
    const git = (...args: string[]) => execFileSync('git', args, { cwd: ws.dir, stdio: 'ignore' });
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-q', '-m', 'init');
  });
  afterAll(() => ws?.cleanup());

  it('writes the report after a run with a failing task, then labels cache hits and projects affected mode left out', () => {
    const first = nx(ws.dir, ['run-many', '-t', 'quality']);
    // Nx 23 exits 130 when a task was not run because its dependency failed.
    expect(first.status).not.toBe(0);
    expect(first.output).toMatch(/nx-quality report: 1 of 2 projects fail their gates/);
    // Without the gates judging the run (no preTasksExecution here), b's failed test task skips its quality task.
    expect(first.output).toMatch(/✗ quality result not written: this run's quality task was skipped \(dist\/quality\/libs\/b\/quality\.json\) \(project b\)/);
    let report = readReport(ws.dir);
    expect(origins(report)).toEqual({
      a: expect.objectContaining({ origin: 'fresh', taskStatus: 'success' }),
      b: expect.objectContaining({ origin: 'fresh', taskStatus: 'failure', status: 'failed' }),
    });
    // The planted failure (a hostile test name) is in every format.
    expect(readFileSync(join(ws.dir, 'dist/quality-report/junit.xml'), 'utf8')).toContain('name="adds &lt;script&gt;alert(1)&lt;/script&gt; | `x`"');
    expect(readFileSync(join(ws.dir, 'dist/quality-report/index.html'), 'utf8')).toContain('adds &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(Object.keys(JSON.parse(readFileSync(join(ws.dir, 'dist/quality-report/coverage-final.json'), 'utf8')))).toEqual(['libs/a/src/sum.js', 'libs/b/src/sum.js']);

    // Second run: a is restored from the cache; b failed, so Nx did not cache it and ran it again.
    nx(ws.dir, ['run-many', '-t', 'quality']);
    report = readReport(ws.dir);
    expect(origins(report)).toEqual({
      a: expect.objectContaining({ origin: 'cached', taskStatus: 'local-cache' }),
      b: expect.objectContaining({ origin: 'fresh', taskStatus: 'failure' }),
    });

    // Affected mode after touching a: b is not run, shown with its last known result.
    appendFileSync(join(ws.dir, 'libs/a/src/sum.js'), '\nexports.more = 1;\n');
    const affected = nx(ws.dir, ['affected', '-t', 'quality', '--base=HEAD']);
    expect(affected.output).toMatch(/not run in this invocation: b/);
    report = readReport(ws.dir);
    expect(report.invocation).toEqual({ projectsRun: ['a'], targets: ['quality', 'test'] });
    expect(origins(report)).toEqual({
      a: expect.objectContaining({ origin: 'fresh', taskStatus: 'success' }),
      b: expect.objectContaining({ origin: 'not-run', lastKnown: true }),
    });
    expect(readFileSync(join(ws.dir, 'dist/quality-report/report.md'), 'utf8')).toMatch(/\| b \| not run \(last known\) \|/);

    // NX_CACHE_FAILURES: Nx replays b's cached failure with status `failure`; its result predates the run: cached.
    nx(ws.dir, ['run-many', '-t', 'quality'], { NX_CACHE_FAILURES: 'true' });
    const replayed = nx(ws.dir, ['run-many', '-t', 'quality'], { NX_CACHE_FAILURES: 'true' });
    expect(replayed.status).not.toBe(0);
    report = readReport(ws.dir);
    expect(origins(report)['b']).toEqual(expect.objectContaining({ origin: 'cached', taskStatus: 'failure', status: 'failed' }));

    // A spec that kills its process: a's passing result of the earlier run is never shown as this run's.
    appendFileSync(join(ws.dir, 'libs/a/src/sum.spec.js'), '\nprocess.exit(1);\n');
    const crashed = nx(ws.dir, ['run-many', '-t', 'quality']);
    expect(crashed.status).not.toBe(0);
    report = readReport(ws.dir);
    const a = report.projects.find((p) => p.name === 'a');
    const test = a?.results['test'];
    // Either the task left an error result (its cause) or it left the old file, which is then stale.
    expect(test?.origin === 'stale' || (test?.origin === 'fresh' && test.status === 'error')).toBe(true);
    expect(a?.gate.status).toBe('failed');
    expect(a?.tests).toBeNull();
    expect(report.coverageLeftOut.map((x) => x.project)).toEqual(['a']);
    expect(Object.keys(JSON.parse(readFileSync(join(ws.dir, 'dist/quality-report/coverage-final.json'), 'utf8')))).toEqual(['libs/b/src/sum.js']);
  }, 300_000);
});
