#!/usr/bin/env node
// Benchmark of nx-quality against the official Nx targets (issue 7). Never a timed test: run it by
//   npm run bench -- [--quick] [--projects 30] [--runs 3] [--runs-affected 1] [--only cold,single,warm,affected,report,realworld,replace]
//                    [--report-sizes 100,300,1000] [--cache-dir dir] [--tarballs dir] [--json out.json]
//                    [--node <node binary>]   (e.g. --node "$(npx -y node@22 -p process.execPath)")
// Every scenario checks that what it needs exists and prints "n/a (reason)" otherwise.
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mustRun, timed } from './exec.mjs';
import { ensureRealWorldWorkspace } from './make-realworld-workspace.mjs';
import { ensureWorkspace, OFFICIAL_JEST_ENV, OUR_TARGETS } from './make-workspace.mjs';
import { validateFixtures, writeReportFixtures } from './report-fixtures.mjs';
import { hasSpec, moduleSymbols } from './synthetic-sources.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const REPORT_FIXTURE_VERSION = 1;
const OFFICIAL_TARGETS = ['test', 'lint', 'typecheck'];

function parseArgs(argv) {
  const args = { projects: 30, runs: 3, runsBy: {}, only: null, reportSizes: [100, 300, 1000], cacheDir: join(tmpdir(), 'nxq-bench'), tarballs: undefined, json: undefined, quick: false, node: process.execPath };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => argv[++i];
    if (a === '--quick') args.quick = true;
    else if (a === '--projects') args.projects = Number(next());
    else if (a === '--runs') args.runs = Number(next());
    else if (/^--runs-(cold|single|warm|affected|report|realworld|replace)$/.test(a)) args.runsBy[a.slice('--runs-'.length)] = Number(next());
    else if (a === '--only') args.only = new Set(next().split(','));
    else if (a === '--report-sizes') args.reportSizes = next().split(',').map(Number);
    else if (a === '--cache-dir') args.cacheDir = resolve(next());
    else if (a === '--tarballs') args.tarballs = next();
    else if (a === '--json') args.json = resolve(next());
    else if (a === '--node') args.node = resolve(next());
    else throw new Error(`unknown argument ${a}\nusage: run.mjs [--quick] [--projects N] [--runs R] [--runs-<scenario> R] [--only cold,single,warm,affected,report,realworld,replace] [--report-sizes a,b,c] [--cache-dir d] [--tarballs d] [--json f] [--node <node binary>]`);
  }
  if (args.quick) {
    if (!argv.includes('--projects')) args.projects = 6;
    if (!argv.includes('--runs')) args.runs = 1;
    if (!argv.includes('--report-sizes')) args.reportSizes = [100, 1000];
  }
  return args;
}

const args = parseArgs(process.argv.slice(2));
const wanted = (name) => !args.only || args.only.has(name);
/** Runs of one scenario: --runs-<scenario> when given, else --runs. */
const runsOf = (name) => args.runsBy[name] ?? args.runs;
const log = (line) => process.stdout.write(`${line}\n`);
const median = (values) => {
  const sorted = values.filter((v) => typeof v === 'number' && !Number.isNaN(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return undefined;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const sec = (ms) => (ms === undefined ? 'n/a' : `${(ms / 1000).toFixed(1)}s`);
const ratio = (a, b) => (a === undefined || b === undefined || b === 0 ? undefined : a / b);
const fmtRatio = (r) => (r === undefined ? 'n/a' : r.toFixed(2));
const load = () => loadavg()[0].toFixed(1);

// ---------------------------------------------------------------------------------------------
log(`nx-quality benchmark: ${args.projects} projects, ${args.runs} run(s) per scenario, ${cpus().length} CPUs, load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
const { ws, projects, marker } = ensureWorkspace({ projects: args.projects, cacheDir: args.cacheDir, tarballs: args.tarballs, log });
const wsRequire = createRequire(join(ws, 'package.json'));
/** A workspace's own executable of a package, from its package.json "bin". */
const binIn = (requireFrom, pkg, name = pkg) => {
  const manifestPath = requireFrom.resolve(`${pkg}/package.json`);
  const field = JSON.parse(readFileSync(manifestPath, 'utf8')).bin;
  return join(dirname(manifestPath), typeof field === 'string' ? field : field[name]);
};
const bin = (pkg, name = pkg) => binIn(wsRequire, pkg, name);
const nxBin = bin('nx');
/** The Node every measured command runs on (Nx forks its plugin workers and Jest its workers with the same). */
const nodeBin = args.node;
const nodeVersion = mustRun(nodeBin, ['--version'], {}).trim();
const versions = Object.fromEntries(
  ['nx', 'jest', 'eslint', 'typescript', '@swc/jest', '@nx-quality/plugin'].map((p) => {
    try {
      return [p, JSON.parse(readFileSync(wsRequire.resolve(`${p}/package.json`), 'utf8')).version];
    } catch {
      return [p, 'absent'];
    }
  }),
);
log(`workspace ${ws}: ${marker.modules ?? '?'} modules; node ${nodeVersion}; ${Object.entries(versions).map(([k, v]) => `${k} ${v}`).join(', ')}`);

const sideDir = (name) => join(ws, '.nx', `bench-${name}`);
/** Each side gets its own Nx cache and workspace data, so neither replays the other's shared tasks (e.g. build). */
const SIDES = {
  official: {
    name: 'official',
    targets: OFFICIAL_TARGETS,
    env: { ...OFFICIAL_JEST_ENV, NX_CACHE_DIRECTORY: join(sideDir('official'), 'cache'), NX_WORKSPACE_DATA_DIRECTORY: join(sideDir('official'), 'workspace-data') },
  },
  quality: {
    name: 'quality',
    targets: [OUR_TARGETS.quality],
    env: { NX_CACHE_DIRECTORY: join(sideDir('quality'), 'cache'), NX_WORKSPACE_DATA_DIRECTORY: join(sideDir('quality'), 'workspace-data') },
  },
};

/** Removes every build/test/lint/typecheck output so a cold run starts from a fresh checkout's disk state. */
function cleanOutputs(root = ws, projectDirs = projects.map((p) => join('packages', p.id))) {
  for (const dir of projectDirs) {
    for (const out of ['dist', 'out-tsc', 'test-output', 'coverage']) rmSync(join(root, dir, out), { recursive: true, force: true });
    for (const f of readdirSync(join(root, dir))) if (f.endsWith('.tsbuildinfo')) rmSync(join(root, dir, f), { force: true });
  }
  for (const out of ['dist', 'coverage', 'test-output', 'out-tsc']) rmSync(join(root, out), { recursive: true, force: true });
}

/** What a scenario keeps of one cold run: time, exit, memory, Nx's task profile and the tools' counts. */
function coldRunEntry(r) {
  return { ms: r.ms, code: r.code, maxRssMb: r.maxRssMb, treePeakMb: r.treePeakMb, profile: r.profile, tests: r.tests, lint: r.lint, failedTasks: r.failedTasks, load: r.load };
}

/** Sum of task durations per target from Nx's own task profile (NX_PROFILE). */
function readProfile(file) {
  if (!existsSync(file)) return undefined;
  const perTarget = {};
  for (const event of JSON.parse(readFileSync(file, 'utf8'))) {
    if (event.ph !== 'X') continue;
    const target = event.args?.target?.target ?? event.cat;
    const entry = (perTarget[target] ??= { tasks: 0, ms: 0, statuses: {}, byProject: {} });
    entry.tasks++;
    entry.ms += event.dur / 1000;
    entry.byProject[event.args?.target?.project ?? event.name] = event.dur / 1000;
    const status = event.args?.status ?? 'unknown';
    entry.statuses[status] = (entry.statuses[status] ?? 0) + 1;
  }
  return perTarget;
}

function parseNxOutput(out) {
  const cache = /Nx read the output from the cache instead of running the command for (\d+) out of (\d+) tasks/.exec(out);
  const tests = { total: 0, passed: 0, failed: 0, todo: 0 };
  for (const line of out.split('\n')) {
    const m = /^\s*Tests:\s+(.*)$/.exec(line);
    if (!m) continue;
    for (const key of Object.keys(tests)) {
      const k = new RegExp(`(\\d+) ${key}`).exec(m[1]);
      if (k) tests[key] += Number(k[1]);
    }
  }
  let lintWarnings = 0;
  let lintErrors = 0;
  for (const m of out.matchAll(/✖ \d+ problems? \((\d+) errors?, (\d+) warnings?\)/g)) {
    lintErrors += Number(m[1]);
    lintWarnings += Number(m[2]);
  }
  const failedTasks = /Failed tasks:\n\n((?:- .*\n?)+)/.exec(out)?.[1]?.trim().split('\n').map((l) => l.slice(2)) ?? [];
  return { cacheHits: cache ? Number(cache[1]) : 0, cacheOf: cache ? Number(cache[2]) : undefined, tests, lint: { errors: lintErrors, warnings: lintWarnings }, failedTasks };
}

/** Sums what our executors recorded under dist/quality, to check they saw what the official tools saw. */
function readOurTotals(root = ws, projectDirs = projects.map((p) => join('packages', p.id))) {
  const totals = { tests: { total: 0, passed: 0, failed: 0, todo: 0 }, lint: { errors: 0, warnings: 0 }, typecheckErrors: 0, statuses: {}, projectsWithTest: 0, durationMs: {}, typecheckFilesChecked: 0 };
  for (const projectDir of projectDirs) {
    const dir = join(root, 'dist', 'quality', projectDir);
    const read = (name) => {
      try {
        return JSON.parse(readFileSync(join(dir, name), 'utf8'));
      } catch {
        return undefined;
      }
    };
    const test = read('test.json');
    if (test?.counts) {
      totals.projectsWithTest++;
      for (const key of Object.keys(totals.tests)) totals.tests[key] += test.counts[key] ?? 0;
    }
    const lint = read('lint.json');
    if (lint?.counts) {
      totals.lint.errors += lint.counts.errors;
      totals.lint.warnings += lint.counts.warnings;
    }
    const tc = read('typecheck.json');
    if (tc?.counts) {
      totals.typecheckErrors += tc.counts.errors;
      totals.typecheckFilesChecked += tc.counts.filesChecked ?? 0;
    }
    // Time measured inside our executors: Nx's task time minus this is process start-up and module loading.
    for (const [kind, value] of [['test', test], ['lint', lint], ['typecheck', tc], ['health', read('health.json')]]) {
      if (typeof value?.durationMs === 'number') totals.durationMs[kind] = (totals.durationMs[kind] ?? 0) + value.durationMs;
    }
    for (const [kind, value] of [['test', test], ['lint', lint], ['typecheck', tc], ['quality', read('quality.json')]]) {
      const key = `${kind}:${value?.status ?? 'missing'}`;
      totals.statuses[key] = (totals.statuses[key] ?? 0) + 1;
    }
  }
  return totals;
}

let profileCounter = 0;
async function nx(side, nxArgs, label, cwd = ws, nxBinary = nxBin) {
  const profileRel = join('.nx', 'bench-profiles', `${side.name}-${++profileCounter}.json`);
  mkdirSync(join(cwd, '.nx', 'bench-profiles'), { recursive: true });
  const loadBefore = load();
  const result = await timed(nodeBin, [nxBinary, ...nxArgs, '--output-style=static'], { cwd, env: { ...side.env, NX_PROFILE: profileRel }, log, label: `${label} [load ${loadBefore}]` });
  const parsed = parseNxOutput(result.out);
  const profile = readProfile(join(cwd, profileRel));
  if (profile) {
    // Nx prints the cache line only when something was replayed; the profile has every task's status.
    const all = Object.values(profile).flatMap((t) => Object.entries(t.statuses));
    parsed.cacheOf = all.reduce((n, [, c]) => n + c, 0);
    parsed.cacheHits = all.filter(([status]) => status.includes('cache')).reduce((n, [, c]) => n + c, 0);
  }
  if (result.code !== 0) {
    log(`      ! exit ${result.code}; failed tasks: ${parsed.failedTasks.slice(0, 8).join(', ') || '(see log)'}`);
  }
  writeFileSync(join(cwd, '.nx', 'bench-profiles', `${side.name}-${profileCounter}.log`), result.out);
  return { ...result, ...parsed, profile, load: Number(loadBefore) };
}

/** The informative line of a failed command's output (the first error message, not a stack frame). */
function firstErrorLine(text) {
  const lines = String(text).split('\n').map((l) => l.trim()).filter(Boolean);
  return lines.find((l) => /error|cannot|failed/i.test(l) && !l.startsWith('at ') && !/exited with/.test(l)) ?? lines.at(-1) ?? '';
}

function showProject() {
  const out = mustRun(nodeBin, [nxBin, 'show', 'project', `@bench/${projects[0].id}`, '--json'], { cwd: ws, env: SIDES.official.env });
  return JSON.parse(out.slice(out.indexOf('{'))).targets ?? {};
}

const nxJsonFile = join(ws, 'nx.json');
const nxJsonOriginal = readFileSync(nxJsonFile, 'utf8');
process.on('exit', () => writeFileSync(nxJsonFile, nxJsonOriginal));
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    try {
      log(`\n${signal}: summary of what was measured so far`);
      printSummary();
    } finally {
      process.exit(130);
    }
  });
}

/**
 * Which targets exist. When our plugin breaks the project graph (it is being written while this
 * runs), it is taken out of nx.json for this run so the official side can still be measured.
 */
function probeTargets() {
  const problems = {};
  let targets = {};
  try {
    targets = showProject();
  } catch (error) {
    const why = firstErrorLine(error.message);
    const nxJson = JSON.parse(nxJsonOriginal);
    nxJson.plugins = nxJson.plugins.filter((p) => (typeof p === 'string' ? p : p.plugin) !== '@nx-quality/plugin');
    writeFileSync(nxJsonFile, JSON.stringify(nxJson, null, 2));
    try {
      targets = showProject();
      problems.quality = `@nx-quality/plugin breaks the project graph (${why}); measured the official side without it`;
    } catch (again) {
      problems.graph = `nx cannot compute the project graph: ${firstErrorLine(again.message)}`;
    }
  }
  const ours = targets[OUR_TARGETS.quality]?.executor?.startsWith('@nx-quality/plugin');
  if (!problems.graph && !problems.quality && !ours) problems.quality = `@nx-quality/plugin infers no '${OUR_TARGETS.quality}' target yet`;
  const missingOfficial = OFFICIAL_TARGETS.filter((t) => !targets[t]);
  if (!problems.graph && missingOfficial.length) problems.official = `official targets missing: ${missingOfficial.join(', ')}`;
  return { targets, problems, qualityDependsOn: targets[OUR_TARGETS.quality]?.dependsOn };
}

const results = { args: { ...args, only: args.only ? [...args.only] : null }, ws, versions, node: nodeVersion, cpus: cpus().length, startedAt: new Date().toISOString(), scenarios: {} };
const probe = probeTargets();
results.probe = { problems: probe.problems, qualityDependsOn: probe.qualityDependsOn, targets: Object.keys(probe.targets) };
for (const [k, v] of Object.entries(probe.problems)) log(`  note: ${k}: ${v}`);
const nxUnavailable = probe.problems.graph;
const sideUnavailable = (side) => nxUnavailable ?? probe.problems[side.name];

function order(run) {
  // Alternate which side goes first so neither always runs on a cooler machine or warmer OS cache.
  return run % 2 === 0 ? [SIDES.official, SIDES.quality] : [SIDES.quality, SIDES.official];
}

// 1. cold ---------------------------------------------------------------------------------------
if (wanted('cold')) {
  log(`\n[cold] run-many --skip-nx-cache from a clean disk (dist, out-tsc, test-output removed before each run)`);
  const scenario = (results.scenarios.cold = { official: [], quality: [], unavailable: {} });
  for (let run = 0; run < runsOf('cold'); run++) {
    for (const side of order(run)) {
      const why = sideUnavailable(side);
      if (why) {
        scenario.unavailable[side.name] = why;
        continue;
      }
      cleanOutputs();
      if (side === SIDES.quality) rmSync(join(ws, 'dist', 'quality'), { recursive: true, force: true });
      const r = await nx(side, ['run-many', '-t', ...side.targets, '--skip-nx-cache'], `cold ${side.name} #${run + 1}`);
      const entry = coldRunEntry(r);
      if (side === SIDES.quality) entry.recorded = readOurTotals();
      scenario[side.name].push(entry);
    }
  }
}

// 2. single-process limit -------------------------------------------------------------------------
if (wanted('single')) {
  log(`\n[single] tsc -b (solution), then one jest --coverage (root config, all projects), then one eslint .`);
  const scenario = (results.scenarios.single = { runs: [] });
  const eslintMajor = Number((versions.eslint ?? '0').split('.')[0]);
  // ESLint 9 reads only the root config for `eslint .`; the v10 lookup uses each project's config like the per-project targets do.
  const eslintFlags = eslintMajor === 9 ? ['--flag', 'v10_config_lookup_from_file'] : [];
  for (let run = 0; run < runsOf('single'); run++) {
    cleanOutputs();
    const steps = {};
    const env = OFFICIAL_JEST_ENV;
    steps.tsc = await timed(nodeBin, [bin('typescript', 'tsc'), '-b', 'tsconfig.json'], { cwd: ws, env, log, label: `tsc -b #${run + 1} [load ${load()}]` });
    steps.jest = await timed(nodeBin, [bin('jest'), '--coverage', '--coverageReporters=json', '--ci'], { cwd: ws, env, log, label: `jest --coverage #${run + 1} [load ${load()}]` });
    steps.eslint = await timed(nodeBin, [bin('eslint'), '.', ...eslintFlags], { cwd: ws, env, log, label: `eslint . #${run + 1} [load ${load()}]` });
    const jestTests = parseNxOutput(steps.jest.out).tests;
    const lint = parseNxOutput(steps.eslint.out).lint;
    const codes = Object.fromEntries(Object.entries(steps).map(([k, v]) => [k, v.code]));
    if (Object.values(codes).some((c) => c !== 0)) log(`      ! exit codes ${JSON.stringify(codes)}: ${Object.entries(steps).filter(([, v]) => v.code !== 0).map(([k, v]) => `${k}: ${v.out.trim().split('\n').slice(-3).join(' | ')}`).join('; ')}`);
    scenario.runs.push({ ms: steps.tsc.ms + steps.jest.ms + steps.eslint.ms, steps: Object.fromEntries(Object.entries(steps).map(([k, v]) => [k, { ms: v.ms, code: v.code, maxRssMb: v.maxRssMb }])), tests: jestTests, lint });
  }
}

// 3. warm -----------------------------------------------------------------------------------------
/** Fills a side's (empty) cache with a full run; recorded, as it is a cold run that also writes the cache. */
async function prime(side, scenario) {
  // Workspace data too: with only the cache folder gone, Nx 23 was seen replaying test and lint "from
  // local cache" in this run, so it was not cold.
  rmSync(side.env.NX_CACHE_DIRECTORY, { recursive: true, force: true });
  rmSync(side.env.NX_WORKSPACE_DATA_DIRECTORY, { recursive: true, force: true });
  cleanOutputs();
  const r = await nx(side, ['run-many', '-t', ...side.targets], `prime ${side.name} (cold, empty cache)`);
  scenario.prime ??= {};
  scenario.prime[side.name] = { ms: r.ms, code: r.code, profile: r.profile, load: r.load };
  return r.code === 0;
}
if (wanted('warm')) {
  log(`\n[warm] run-many with every task in the cache (each side primed once, then measured)`);
  const scenario = (results.scenarios.warm = { official: [], quality: [], qualityRewritten: [], unavailable: {} });
  for (const side of Object.values(SIDES)) {
    const why = sideUnavailable(side);
    if (why) scenario.unavailable[side.name] = why;
    else await prime(side, scenario);
  }
  for (let run = 0; run < runsOf('warm'); run++) {
    for (const side of order(run)) {
      if (scenario.unavailable[side.name]) continue;
      const r = await nx(side, ['run-many', '-t', ...side.targets], `warm ${side.name} #${run + 1}`);
      scenario[side.name].push({ ms: r.ms, code: r.code, cacheHits: r.cacheHits, cacheOf: r.cacheOf, load: r.load });
    }
    if (scenario.unavailable.quality) continue;
    // The after-run hook leaves a report whose inputs did not change in place; without its stamp it
    // writes the whole report again, as after the first warm run that follows a cold one.
    rmSync(join(ws, 'dist', 'quality-report', '.nx-quality-stamp.json'), { force: true });
    const r = await nx(SIDES.quality, ['run-many', '-t', ...SIDES.quality.targets], `warm quality, report rewritten #${run + 1}`);
    scenario.qualityRewritten.push({ ms: r.ms, code: r.code, cacheHits: r.cacheHits, cacheOf: r.cacheOf, load: r.load });
  }
}

// 4. affected -------------------------------------------------------------------------------------
function git(gitArgs) {
  return mustRun('git', ['-c', 'user.email=bench@example.invalid', '-c', 'user.name=bench', ...gitArgs], { cwd: ws });
}
if (wanted('affected')) {
  const leaf = [...projects].reverse().find((p) => p.directDependents === 0);
  const hub = projects[0];
  const transitiveDependents = (id) => {
    const seen = new Set();
    const visit = (target) => {
      for (const p of projects) {
        if (!p.deps.includes(target) || seen.has(p.id)) continue;
        seen.add(p.id);
        visit(p.id);
      }
    };
    visit(id);
    return seen.size;
  };
  log(`\n[affected] nx affected --base=HEAD~1 with the cache warm: one edit in leaf ${leaf.id} (0 dependents), one in hub ${hub.id} (${transitiveDependents(hub.id)} transitive dependents)`);
  const scenario = (results.scenarios.affected = { leaf: { project: leaf.id, official: [], quality: [] }, hub: { project: hub.id, dependents: transitiveDependents(hub.id), official: [], quality: [] }, unavailable: {} });
  for (const side of Object.values(SIDES)) {
    const why = sideUnavailable(side);
    if (why) scenario.unavailable[side.name] = why;
    else if (!wanted('warm')) await prime(side, scenario);
  }
  // The edits are undone afterwards: the workspace is reused by later runs of the harness, and
  // functions piling up untested in the leaf would push it under its coverage gate.
  const headBefore = git(['rev-parse', 'HEAD']).trim();
  for (let run = 0; run < runsOf('affected'); run++) {
    for (const [kind, project] of [['leaf', leaf], ['hub', hub]]) {
      const file = join(ws, 'packages', project.id, 'src', 'lib', `${project.modules[0]}.ts`);
      // A real code change (a new exported function), so every task that reads the file misses the cache.
      appendFileSync(file, `\nexport function ${moduleSymbols(project, 0).score.replace('Score', '')}BenchEdit${Date.now()}(): number {\n  return ${run + 1};\n}\n`);
      git(['add', 'packages']);
      git(['commit', '-q', '-m', `bench: edit ${kind} ${project.id}`]);
      for (const side of order(run)) {
        if (scenario.unavailable[side.name]) continue;
        const r = await nx(side, ['affected', '-t', ...side.targets, '--base=HEAD~1', '--head=HEAD'], `affected ${kind} ${side.name} #${run + 1}`);
        scenario[kind][side.name].push({ ms: r.ms, code: r.code, cacheHits: r.cacheHits, cacheOf: r.cacheOf, profile: r.profile, load: r.load });
      }
    }
  }
  git(['reset', '-q', '--hard', headBefore]);
}

// 5. report ---------------------------------------------------------------------------------------
if (wanted('report')) {
  log(`\n[report] report pipeline over ${args.reportSizes.join(', ')} synthetic project results (time inside the process, peak RSS of the process)`);
  const scenario = (results.scenarios.report = { sizes: {}, unavailable: undefined });
  const corePath = join(repoRoot, 'packages/core/dist/index.js');
  if (!existsSync(corePath)) scenario.unavailable = 'packages/core/dist is not built (npm run build)';
  else {
    const core = createRequire(import.meta.url)(corePath);
    for (const size of args.reportSizes) {
      const dir = join(args.cacheDir, `report-v${REPORT_FIXTURE_VERSION}-n${size}`);
      let fixtureProjects;
      if (!existsSync(join(dir, '.ready'))) {
        rmSync(dir, { recursive: true, force: true });
        mkdirSync(dir, { recursive: true });
        const started = Date.now();
        fixtureProjects = writeReportFixtures(dir, size);
        writeFileSync(join(dir, '.ready'), '');
        log(`    wrote ${size} projects' results in ${((Date.now() - started) / 1000).toFixed(1)}s to ${dir}`);
      }
      const problems = validateFixtures(core, fixtureProjects?.[0] ?? { results: Object.fromEntries(['test', 'lint', 'typecheck', 'health', 'quality'].map((k) => [k, JSON.parse(readFileSync(join(dir, 'dist/quality/packages/p0000', `${k}.json`), 'utf8'))])) });
      if (problems.length) {
        scenario.unavailable = `synthetic results no longer match core's schemas (update report-fixtures.mjs): ${problems.join(' | ')}`;
        break;
      }
      const runs = [];
      for (let run = 0; run < runsOf('report'); run++) {
        rmSync(join(dir, 'dist', 'quality-report'), { recursive: true, force: true });
        const r = await timed(nodeBin, ['--max-old-space-size=4096', join(repoRoot, 'tools/benchmark/report-child.mjs'), repoRoot, dir, String(size)], { cwd: dir, log, label: `report ${size} #${run + 1} [load ${load()}]` });
        const line = r.out.trim().split('\n').reverse().find((l) => l.startsWith('{'));
        const parsed = line ? JSON.parse(line) : { error: r.out.trim().split('\n').slice(-5).join(' | ') };
        if (parsed.unavailable) {
          scenario.unavailable = parsed.unavailable;
          break;
        }
        if (r.code !== 0 || parsed.error) {
          scenario.unavailable = `report pipeline failed: ${parsed.error ?? r.out.trim().split('\n').slice(-5).join(' | ')}`;
          break;
        }
        runs.push({ ...parsed, wallMs: r.ms, maxRssMb: r.maxRssMb });
      }
      if (scenario.unavailable) break;
      scenario.sizes[size] = runs;
    }
    const largest = Math.max(...Object.keys(scenario.sizes).map(Number));
    if (!scenario.unavailable && Number.isFinite(largest)) {
      // One extra, untimed-for-the-table pass with core's functions, to show where the report's time goes.
      const dir = join(args.cacheDir, `report-v${REPORT_FIXTURE_VERSION}-n${largest}`);
      const r = await timed(nodeBin, ['--max-old-space-size=4096', join(repoRoot, 'tools/benchmark/report-child.mjs'), repoRoot, dir, String(largest), 'phases'], { cwd: dir, log, label: `report ${largest} phases [load ${load()}]` });
      const line = r.out.trim().split('\n').reverse().find((l) => l.startsWith('{'));
      if (line) scenario.phases = { size: largest, maxRssMb: r.maxRssMb, ...JSON.parse(line) };
    }
  }
}

// 5b. real-world-shaped workspace -------------------------------------------------------------------
if (wanted('realworld')) {
  const rw = ensureRealWorldWorkspace({ cacheDir: args.cacheDir, tarballs: args.tarballs, log });
  const rwNx = binIn(createRequire(join(rw.ws, 'package.json')), 'nx');
  const rwDirs = [...rw.projects.map((p) => join('packages', p.id)), ...rw.e2e.map((name) => join('e2e', name))];
  const rwSide = (name, extraEnv) => ({ name: `realworld-${name}`, env: { ...extraEnv, NX_CACHE_DIRECTORY: join(rw.ws, '.nx', `bench-${name}`, 'cache'), NX_WORKSPACE_DATA_DIRECTORY: join(rw.ws, '.nx', `bench-${name}`, 'workspace-data') } });
  const sides = [
    { ...rwSide('official', OFFICIAL_JEST_ENV), key: 'official', targets: ['test', 'lint'] },
    { ...rwSide('quality', {}), key: 'quality', targets: [OUR_TARGETS.quality] },
  ];
  log(`\n[realworld] ${rw.ws}: ${rw.projects.length} libraries (ts-jest and @swc/jest, no ^build before test, .env.test) and ${rw.e2e.length} excluded e2e projects; cold official \`test lint\` against cold \`quality\``);
  const scenario = (results.scenarios.realworld = { ws: rw.ws, official: [], quality: [] });
  for (let run = 0; run < runsOf('realworld'); run++) {
    for (const side of run % 2 === 0 ? sides : [...sides].reverse()) {
      cleanOutputs(rw.ws, rwDirs);
      const r = await nx(side, ['run-many', '-t', ...side.targets, '--skip-nx-cache'], `realworld cold ${side.key} #${run + 1}`, rw.ws, rwNx);
      const entry = coldRunEntry(r);
      if (side.key === 'quality') entry.recorded = readOurTotals(rw.ws, rwDirs);
      scenario[side.key].push(entry);
    }
  }
}

// 5c. graph computation with our inference alone (init --replaceOfficial) --------------------------
if (wanted('replace')) {
  log(`\n[replace] project graph per command (\`nx show projects\`): official plugins alone, official + nx-quality side by side, nx-quality alone after \`init --replaceOfficial\``);
  const scenario = (results.scenarios.replace = { variants: {}, unavailable: undefined });
  const original = JSON.parse(nxJsonOriginal);
  const withoutOurs = { ...original, plugins: original.plugins.filter((p) => (typeof p === 'string' ? p : p.plugin) !== '@nx-quality/plugin') };
  // The benchmark's coverage default is for the official jest target's comparison; init refuses to carry option defaults it cannot map.
  const plain = structuredClone(withoutOurs);
  if (plain.targetDefaults?.test?.options) delete plain.targetDefaults.test.options;
  writeFileSync(nxJsonFile, `${JSON.stringify(plain, null, 2)}\n`);
  let replaced;
  try {
    mustRun(nodeBin, [nxBin, 'g', '@nx-quality/plugin:init', '--replaceOfficial', '--no-interactive'], { cwd: ws, env: OFFICIAL_JEST_ENV });
    replaced = readFileSync(nxJsonFile, 'utf8');
  } catch (error) {
    scenario.unavailable = `init --replaceOfficial failed: ${firstErrorLine(error.message)}`;
  } finally {
    mustRun('git', ['checkout', '--', '.'], { cwd: ws });
    writeFileSync(nxJsonFile, nxJsonOriginal);
  }
  if (!scenario.unavailable) {
    const variants = { official: `${JSON.stringify(withoutOurs, null, 2)}\n`, 'side by side': nxJsonOriginal, replaced };
    const showProjects = (name, label) => {
      writeFileSync(nxJsonFile, variants[name]);
      const dir = join(ws, '.nx', `bench-replace-${name.replace(/ /g, '-')}`);
      return timed(nodeBin, [nxBin, 'show', 'projects'], { cwd: ws, env: { ...OFFICIAL_JEST_ENV, NX_CACHE_DIRECTORY: join(dir, 'cache'), NX_WORKSPACE_DATA_DIRECTORY: join(dir, 'workspace-data') }, log, label: `nx show projects, ${name} ${label} [load ${load()}]` });
    };
    // A user's commands find the plugins' own caches in the workspace data written by the previous one.
    const projectLists = {};
    for (const name of Object.keys(variants)) projectLists[name] = (await showProjects(name, '(fills the workspace data, not counted)')).out.split('\n').filter((l) => l.startsWith('@bench/')).sort().join(',');
    if (new Set(Object.values(projectLists)).size !== 1) scenario.projectListsDiffer = projectLists;
    for (let run = 0; run < runsOf('replace'); run++) {
      for (const name of run % 2 === 0 ? Object.keys(variants) : Object.keys(variants).reverse()) {
        const r = await showProjects(name, `#${run + 1}`);
        (scenario.variants[name] ??= []).push({ ms: r.ms, code: r.code });
      }
    }
    writeFileSync(nxJsonFile, nxJsonOriginal);
    scenario.replacedPlugins = JSON.parse(replaced).plugins.map((p) => (typeof p === 'string' ? p : p.plugin));
  }
}

// ---------------------------------------------------------------------------------------------
/** Prints the table and the key-ratio line from whatever has been measured (also on Ctrl-C). */
function printSummary() {
  results.finishedAt = new Date().toISOString();
  const out = [];
  const row = (...cells) => out.push(`| ${cells.join(' | ')} |`);
  const medianOf = (list, pick = (e) => e.ms) => median((list ?? []).map(pick));
  const okAll = (list) => (list ?? []).every((e) => e.code === 0);
  const flag = (list) => (list?.length && !okAll(list) ? ' (!failed)' : '');
  const key = {};

  out.push('', `### Results (${args.projects} projects, median of ${args.runs} run(s)${Object.keys(args.runsBy).length ? ` (${Object.entries(args.runsBy).map(([k, v]) => `${k}: ${v}`).join(', ')})` : ''}, ${cpus().length} CPUs)`, '');
  row('scenario', 'official', 'nx-quality', 'ratio (ours / official)', 'target');
  row('---', '---:', '---:', '---:', '---');
  const cold = results.scenarios.cold;
  if (cold) {
    const o = medianOf(cold.official);
    const q = medianOf(cold.quality);
    key.coldVsOfficial = ratio(q, o);
    key.coldFailed = !okAll(cold.official) || !okAll(cold.quality);
    row('cold run-many --skip-nx-cache', cold.unavailable.official ? `n/a (${cold.unavailable.official})` : sec(o) + flag(cold.official), cold.unavailable.quality ? `n/a (${cold.unavailable.quality})` : sec(q) + flag(cold.quality), fmtRatio(key.coldVsOfficial), '≤ 0.90');
  }
  const single = results.scenarios.single;
  if (single) {
    const s = medianOf(single.runs);
    const q = cold ? medianOf(cold.quality) : undefined;
    key.coldVsSingle = ratio(q, s);
    key.singleFailed = (cold ? !okAll(cold.quality) : false) || single.runs.some((r) => Object.values(r.steps).some((st) => st.code !== 0));
    const parts = ['tsc', 'jest', 'eslint'].map((k) => `${k} ${sec(median(single.runs.map((r) => r.steps[k].ms)))}`).join(' + ');
    const failed = single.runs.some((r) => Object.values(r.steps).some((st) => st.code !== 0)) ? ' (!failed)' : '';
    row('single-process limit (cold quality / limit)', `${sec(s)}${failed} = ${parts}`, q === undefined ? 'n/a' : sec(q), fmtRatio(key.coldVsSingle), '≤ 1.50');
  }
  const warm = results.scenarios.warm;
  if (warm) {
    const o = medianOf(warm.official);
    const q = medianOf(warm.quality);
    key.warmVsOfficial = ratio(q, o);
    key.warmFailed = !okAll(warm.official) || !okAll(warm.quality);
    const hits = (list) => (list?.length ? ` [${list[list.length - 1].cacheHits}/${list[list.length - 1].cacheOf ?? '?'} cached]` : '');
    if (warm.prime) {
      const po = warm.prime.official;
      const pq = warm.prime.quality;
      row('cold, empty cache (warm-up run, writes the cache; 1 run)', po ? sec(po.ms) + flag([po]) : 'n/a', pq ? sec(pq.ms) + flag([pq]) : 'n/a', fmtRatio(ratio(pq?.ms, po?.ms)), '—');
    }
    row('warm run-many (all cached)', warm.unavailable.official ? `n/a (${warm.unavailable.official})` : sec(o) + hits(warm.official) + flag(warm.official), warm.unavailable.quality ? `n/a (${warm.unavailable.quality})` : sec(q) + hits(warm.quality) + flag(warm.quality), fmtRatio(key.warmVsOfficial), '≤ 1.00');
    if (warm.qualityRewritten?.length) {
      const qr = medianOf(warm.qualityRewritten);
      row('warm run-many, report written again (its stamp removed)', warm.unavailable.official ? 'n/a' : sec(o), sec(qr) + hits(warm.qualityRewritten) + flag(warm.qualityRewritten), fmtRatio(ratio(qr, o)), '—');
    }
  }
  const affected = results.scenarios.affected;
  if (affected) {
    for (const kind of ['leaf', 'hub']) {
      const a = affected[kind];
      const o = medianOf(a.official);
      const q = medianOf(a.quality);
      const what = kind === 'leaf' ? `affected: edit in leaf ${a.project}` : `affected: edit in hub ${a.project} (${a.dependents} dependents)`;
      row(what, affected.unavailable.official ? `n/a (${affected.unavailable.official})` : sec(o) + flag(a.official), affected.unavailable.quality ? `n/a (${affected.unavailable.quality})` : sec(q) + flag(a.quality), fmtRatio(ratio(q, o)), '—');
    }
  }
  const replace = results.scenarios.replace;
  if (replace) {
    if (replace.unavailable) row('project graph per command', '—', `n/a (${replace.unavailable})`, '—', '—');
    else {
      const official = medianOf(replace.variants.official);
      const both = medianOf(replace.variants['side by side']);
      const alone = medianOf(replace.variants.replaced);
      key.replaceSaves = both === undefined || alone === undefined ? undefined : (both - alone) / 1000;
      row(`project graph per command (\`nx show projects\`): official plugins / nx-quality side by side / nx-quality alone (\`init --replaceOfficial\`)${replace.projectListsDiffer ? ' (!the project lists differ)' : ''}`, sec(official), `${sec(both)} / ${sec(alone)}`, `${fmtRatio(ratio(alone, official))} (alone / official)`, `saves ${key.replaceSaves?.toFixed(1) ?? 'n/a'} s per command against side by side`);
    }
  }
  const realworld = results.scenarios.realworld;
  if (realworld) {
    const o = medianOf(realworld.official);
    const q = medianOf(realworld.quality);
    key.realworld = ratio(q, o);
    key.realworldFailed = !okAll(realworld.official) || !okAll(realworld.quality);
    const peak = (list, field) => Math.max(...list.map((e) => e[field] ?? 0));
    key.realworldMemory = ratio(peak(realworld.quality, 'treePeakMb'), peak(realworld.official, 'treePeakMb'));
    const memory = (list) => `peak ${peak(list, 'treePeakMb').toFixed(0)} MB all processes, ${peak(list, 'maxRssMb').toFixed(0)} MB largest process`;
    row('real-world-shaped cold: official `test lint` / `quality`', `${sec(o)}${flag(realworld.official)}, ${memory(realworld.official)}`, `${sec(q)}${flag(realworld.quality)}, ${memory(realworld.quality)}`, fmtRatio(key.realworld), '≤ 1.00 (goal 0.80), memory (all processes) ≤ official');
  }
  if (affected) {
    key.affectedLeaf = ratio(medianOf(affected.leaf.quality), medianOf(affected.leaf.official));
    key.affectedHub = ratio(medianOf(affected.hub.quality), medianOf(affected.hub.official));
  }
  const report = results.scenarios.report;
  if (report) {
    if (report.unavailable) row('report', '—', `n/a (${report.unavailable})`, '—', '1,000 projects ≤ 2 s, ≤ 512 MB');
    for (const [size, runs] of Object.entries(report.sizes)) {
      const ms = medianOf(runs);
      const mb = Math.max(...runs.map((r) => r.maxRssMb ?? r.rssSampledPeakMb ?? 0));
      row(`report over ${size} projects (${runs[0].mode})`, '—', `${sec(ms)}, peak ${mb.toFixed(0)} MB, ${(runs[0].bytes / 1048576).toFixed(1)} MiB written`, '—', Number(size) === 1000 ? '≤ 2 s, ≤ 512 MB' : '');
      if (Number(size) === Math.max(...Object.keys(report.sizes).map(Number))) {
        key.reportMax = { size: Number(size), s: ms / 1000, mb };
      }
    }
    const sizes = Object.keys(report.sizes).map(Number).sort((a, b) => a - b);
    if (sizes.length >= 2) {
      const lo = sizes[0];
      const hi = sizes[sizes.length - 1];
      const growth = medianOf(report.sizes[hi]) / medianOf(report.sizes[lo]);
      key.reportGrowth = { from: lo, to: hi, factor: growth };
      row(`report growth ${lo} → ${hi} projects`, '—', `× ${growth.toFixed(1)} time for × ${(hi / lo).toFixed(0)} projects`, '—', 'linear');
    }
  }

  // Where the time goes: Nx's own per-task profile, summed per target (median run).
  const breakdown = (list) => {
    if (!list?.length) return undefined;
    const targets = new Set(list.flatMap((e) => Object.keys(e.profile ?? {})));
    return [...targets].map((t) => {
      const tasks = list[0].profile?.[t]?.tasks ?? 0;
      const ms = median(list.map((e) => e.profile?.[t]?.ms ?? 0));
      return `${t} ${sec(ms)} (${tasks} tasks, ${tasks ? sec(ms / tasks) : 'n/a'} each)`;
    }).join(', ') || '(no task ran)';
  };
  if (cold) {
    out.push('', 'Cold, task time summed per target (Nx task profile; tasks run up to 3 in parallel, so sums exceed wall time):');
    if (cold.official.length) out.push(`- official: ${breakdown(cold.official)}`);
    if (cold.quality.length) out.push(`- nx-quality: ${breakdown(cold.quality)}`);
    const lastO = cold.official.at(-1);
    const lastQ = cold.quality.at(-1);
    if (lastO || lastQ) {
      out.push('', 'Same numbers? (last cold run)');
      if (lastO) out.push(`- official jest: ${JSON.stringify(lastO.tests)}; eslint: ${JSON.stringify(lastO.lint)}; failed tasks: ${lastO.failedTasks.length}`);
      if (lastQ?.recorded) {
        out.push(`- nx-quality results: tests ${JSON.stringify(lastQ.recorded.tests)} in ${lastQ.recorded.projectsWithTest} test.json; lint ${JSON.stringify(lastQ.recorded.lint)}; type errors ${lastQ.recorded.typecheckErrors}; statuses ${JSON.stringify(lastQ.recorded.statuses)}; failed tasks: ${lastQ.failedTasks.length}${lastQ.failedTasks.length ? ` (${lastQ.failedTasks.slice(0, 5).join(', ')})` : ''}`);
        out.push(`- time inside nx-quality's executors (durationMs in the results, summed): ${Object.entries(lastQ.recorded.durationMs).map(([k, v]) => `${k} ${sec(v)}`).join(', ')}; typecheck files checked, summed over projects: ${lastQ.recorded.typecheckFilesChecked} (the workspace has ${projects.reduce((n, p) => n + p.modules.length + 1 + p.modules.filter((_, m) => hasSpec(p, m)).length, 0)} .ts files under src/)`);
      }
    }
    if (single?.runs.length) out.push(`- single-process jest: ${JSON.stringify(single.runs.at(-1).tests)}; eslint .: ${JSON.stringify(single.runs.at(-1).lint)}`);
  }
  /** Mean task time per dependency layer: a target whose cost grows with the layer re-does its dependencies' work. */
  const byLayer = (entry) => {
    const layers = Math.max(...projects.map((p) => p.layer)) + 1;
    return Array.from({ length: layers }, (_, layer) => {
      const times = projects.filter((p) => p.layer === layer).map((p) => entry?.byProject?.[`@bench/${p.id}`]).filter((v) => v !== undefined);
      return times.length ? sec(times.reduce((a, b) => a + b, 0) / times.length) : 'n/a';
    }).join(' / ');
  };
  if (cold) {
    const lastO = cold.official.at(-1)?.profile;
    const lastQ = cold.quality.at(-1)?.profile;
    const lines = [...Object.entries(lastO ?? {}), ...Object.entries(lastQ ?? {})].map(([t, e]) => `${t} ${byLayer(e)}`);
    if (lines.length) out.push('', `Mean task time per dependency layer (L0 = no dependencies … L${Math.max(...projects.map((p) => p.layer))} = leaves; last cold run): ${lines.join('; ')}`);
  }
  if (affected) {
    for (const kind of ['leaf', 'hub']) {
      for (const side of ['official', 'quality']) {
        const list = affected[kind][side];
        if (list.length) out.push(`- affected ${kind} ${side}: ${breakdown(list)}; cache ${list.at(-1).cacheHits}/${list.at(-1).cacheOf ?? '?'}`);
      }
    }
  }
  if (realworld) {
    out.push('', `Real-world-shaped cold, task time summed per target: official ${breakdown(realworld.official)}; nx-quality ${breakdown(realworld.quality)}`);
    const lastO = realworld.official.at(-1);
    const lastQ = realworld.quality.at(-1);
    if (lastO) out.push(`- official jest: ${JSON.stringify(lastO.tests)}; eslint: ${JSON.stringify(lastO.lint)}`);
    if (lastQ?.recorded) out.push(`- nx-quality results: tests ${JSON.stringify(lastQ.recorded.tests)} in ${lastQ.recorded.projectsWithTest} test.json; lint ${JSON.stringify(lastQ.recorded.lint)}; type errors ${lastQ.recorded.typecheckErrors}; statuses ${JSON.stringify(lastQ.recorded.statuses)}`);
  }
  if (report?.phases?.phases) {
    const p = report.phases;
    out.push('', `Report over ${p.size} projects, per phase (core functions, ${sec(p.ms)} in all, peak ${p.maxRssMb?.toFixed(0) ?? '?'} MB): ${Object.entries(p.phases).map(([k, v]) => `${k} ${sec(v)}`).join(', ')}`);
    if (p.sizes) out.push(`- output sizes: ${Object.entries(p.sizes).map(([f, b]) => `${f} ${(b / 1048576).toFixed(1)} MiB`).join(', ')}`);
  }
  const loads = [cold?.official, cold?.quality, warm?.official, warm?.quality].flat().filter(Boolean).map((e) => e.load);
  if (loads.length) out.push('', `1-minute load average before the Nx runs: min ${Math.min(...loads).toFixed(1)}, max ${Math.max(...loads).toFixed(1)} (${cpus().length} CPUs)`);

  const keyLine =
    `KEY RATIOS (${args.projects} projects): cold quality/official ${fmtRatio(key.coldVsOfficial)}${key.coldFailed ? '!' : ''} (≤0.90)` +
    ` | cold quality/single-process ${fmtRatio(key.coldVsSingle)}${key.singleFailed ? '!' : ''} (≤1.50)` +
    ` | warm quality/official ${fmtRatio(key.warmVsOfficial)}${key.warmFailed ? '!' : ''} (≤1.00)` +
    ` | affected leaf ${fmtRatio(key.affectedLeaf)} (≤1.00) | affected hub ${fmtRatio(key.affectedHub)}` +
    (key.replaceSaves !== undefined ? ` | init --replaceOfficial saves ${key.replaceSaves.toFixed(1)} s of graph per command` : '') +
    ` | real-world cold quality/official test lint ${fmtRatio(key.realworld)}${key.realworldFailed ? '!' : ''} (≤1.00), peak memory ${fmtRatio(key.realworldMemory)} (≤1.00)` +
    ` | report ${key.reportMax ? `${key.reportMax.size}: ${key.reportMax.s.toFixed(2)} s, ${key.reportMax.mb.toFixed(0)} MB (≤2 s, ≤512 MB)` : 'n/a'}` +
    (key.reportGrowth ? ` | report growth ${key.reportGrowth.from}→${key.reportGrowth.to}: ×${key.reportGrowth.factor.toFixed(1)}` : '') +
    (key.coldFailed || key.singleFailed || key.warmFailed || key.realworldFailed ? ' | ! = a run it is based on failed' : '');
  out.push('', keyLine);
  results.key = key;
  results.keyLine = keyLine;
  const jsonFile = args.json ?? join(args.cacheDir, `results-${results.startedAt.replace(/[:.]/g, '-')}.json`);
  writeFileSync(jsonFile, JSON.stringify(results, null, 2));
  log(out.join('\n').replace(keyLine, `(raw results: ${jsonFile})\n\n${keyLine}`));
}

printSummary();
