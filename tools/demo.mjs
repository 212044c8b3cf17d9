// The main job (`npm run demo`, which builds first): runs the quality pipeline on the committed
// example workspace examples/demo — `nx run-many -t quality`, then the workspace report — and prints
// where the report is and its headline. The demo has failing gates on purpose, so it exits 0 when
// gates fail; it exits 1 only when the pipeline itself broke (no fresh report, or a project whose
// results are missing, unreadable or whose tool could not run).
//
// examples/demo has no committed node_modules: nx, jest, eslint, typescript resolve from this
// repository's node_modules by Node's upward lookup. @nx-quality/* are first copied (their published
// file set, from the fresh build) into examples/node_modules (git-ignored), which the demo also finds
// by upward lookup: through the repository's workspace symlinks Nx would see the plugin at
// packages/plugin, outside any node_modules, take it for a local plugin of the demo's root project
// and load its TypeScript sources instead of dist. (Not examples/demo/node_modules: packages there
// would be named in externalDependencies, which Nx rejects without a lock file listing them.)
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const demo = join(repo, 'examples', 'demo');
const reportDir = join(demo, 'dist', 'quality-report');
const nxBin = resolveNxBin();
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };

/** nx's CLI entry as its package.json declares it, resolved the way the demo workspace resolves it. */
function resolveNxBin() {
  try {
    const manifestPath = createRequire(join(demo, 'package.json')).resolve('nx/package.json');
    const bin = JSON.parse(readFileSync(manifestPath, 'utf8')).bin;
    return join(dirname(manifestPath), typeof bin === 'string' ? bin : bin.nx);
  } catch {
    return join(repo, 'node_modules', 'nx', 'package.json (not found)');
  }
}

/** Copies each built package's published files (package.json `files`, minus specs and build info) where the demo resolves them. */
function installBuiltPackages() {
  for (const pkg of ['core', 'eslint-plugin', 'plugin']) {
    const src = join(repo, 'packages', pkg);
    const manifest = JSON.parse(readFileSync(join(src, 'package.json'), 'utf8'));
    const dest = join(demo, '..', 'node_modules', ...manifest.name.split('/'));
    rmSync(dest, { recursive: true, force: true });
    mkdirSync(dest, { recursive: true });
    cpSync(join(src, 'package.json'), join(dest, 'package.json'));
    for (const entry of manifest.files ?? []) {
      if (entry.startsWith('!') || !existsSync(join(src, entry))) continue;
      cpSync(join(src, entry), join(dest, entry), {
        recursive: true,
        filter: (file) => !/\.spec\.(js|d\.ts)(\.map)?$|\.tsbuildinfo$/.test(file),
      });
    }
  }
}

/** Runs nx in the demo workspace, streaming its output. */
function nx(args, { capture = false } = {}) {
  console.log(`\n$ nx ${args.join(' ')}   (in ${relative(repo, demo)})`);
  const result = spawnSync(process.execPath, [nxBin, ...args], {
    cwd: demo,
    env,
    stdio: capture ? ['ignore', 'pipe', 'inherit'] : 'inherit',
    encoding: 'utf8',
  });
  if (result.error) fail(`could not start nx: ${result.error.message}`);
  return result;
}

function fail(message) {
  console.error(`\ndemo: the pipeline broke: ${message}`);
  process.exit(1);
}

function pct(metric) {
  return metric ? `${metric.pct.toFixed(1)}%` : 'n/a';
}

function main() {
  if (!existsSync(nxBin)) fail(`nx is not installed at ${relative(repo, nxBin)}; run \`npm ci\` at the repository root first`);
  for (const pkg of ['core', 'plugin', 'eslint-plugin']) {
    if (!existsSync(join(repo, 'packages', pkg, 'dist', 'index.js'))) fail(`packages/${pkg}/dist is missing; run \`npm run demo\` (it builds first) or \`npm run build\``);
  }

  installBuiltPackages();

  // A report left from an earlier run must not pass for this run's.
  rmSync(reportDir, { recursive: true, force: true });
  const started = Date.now();

  // Gates fail on purpose in the demo, so a non-zero exit here is expected.
  const run = nx(['run-many', '-t', 'quality', '--output-style=static']);

  // The after-run hook already wrote the report; the quality-report target (for distributed runs,
  // where Nx runs no hooks) writes the same from the results on disk.
  const withReport = nx(['show', 'projects', '--with-target', 'quality-report', '--json'], { capture: true });
  const reportProjects = withReport.status === 0 ? JSON.parse(withReport.stdout.slice(withReport.stdout.indexOf('['))) : [];
  for (const project of reportProjects) nx(['run', `${project}:quality-report`, '--output-style=static']);

  const reportJson = join(reportDir, 'report.json');
  if (!existsSync(reportJson)) fail(`no ${relative(repo, reportJson)} was written (nx run-many exited ${run.status})`);
  if (statSync(reportJson).mtimeMs < started) fail(`${relative(repo, reportJson)} is older than this run`);
  let report;
  try {
    report = JSON.parse(readFileSync(reportJson, 'utf8'));
  } catch (error) {
    fail(`${relative(repo, reportJson)} is not valid JSON: ${error.message}`);
  }

  const broken = [];
  for (const project of report.projects ?? []) {
    for (const [kind, state] of Object.entries(project.results ?? {})) {
      // Nx skips `quality` (which writes quality.json and health.json) when a tool task it depends on
      // failed, so those two may be missing by design; the report evaluates gates from the tool results.
      const toolResult = !['quality', 'health'].includes(kind);
      if (state.origin === 'invalid' || (state.origin === 'missing' && toolResult)) {
        broken.push(`${project.name} ${kind}: ${state.origin}${state.reason ? ` (${state.reason})` : ''}`);
      }
    }
    for (const error of project.toolErrors ?? []) broken.push(`${project.name} ${error.kind}: ${error.code} ${error.message}`);
  }

  const t = report.totals;
  console.log('\n=== nx-quality demo: workspace report ===');
  console.log(`projects       ${t.projects} (gates passed ${t.gatesPassed}, failed ${t.gatesFailed}, not evaluated ${t.gatesNotEvaluated})`);
  console.log(`tests          ${t.tests.passed} passed, ${t.tests.failed} failed, ${t.tests.skipped} skipped, ${t.tests.todo} todo`);
  console.log(`coverage       lines ${pct(t.coverage?.lines)}, branches ${pct(t.coverage?.branches)}, functions ${pct(t.coverage?.functions)} (merged)`);
  console.log(`lint           ${t.lint.errors} errors, ${t.lint.warnings} warnings`);
  console.log(`type errors    ${t.typecheck.errors}`);
  if ((report.failingConditions ?? []).length > 0) {
    console.log('failing gates (planted on purpose in the demo):');
    for (const condition of report.failingConditions) console.log(`  - ${condition.message ?? `${condition.metric} ${condition.op} ${condition.threshold} (project ${condition.project})`}`);
  }
  console.log('\nreport files:');
  for (const file of ['report.md', 'index.html', 'report.json', 'junit.xml', 'quality.sarif', 'coverage-final.json', 'lcov.info']) {
    const path = join(reportDir, file);
    if (existsSync(path)) console.log(`  ${relative(process.cwd(), path)}`);
  }

  if (broken.length > 0) fail(`results the report could not use:\n  - ${broken.join('\n  - ')}`);
  console.log('\ndemo: pipeline OK (failing gates above are part of the demo)');
}

main();
