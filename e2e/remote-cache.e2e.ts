// Results survive Nx's remote cache between machines. A loopback server following Nx's self-hosted
// cache OpenAPI spec (tools/remote-cache) stands in for a team's cache. One workspace with our packed
// packages, planted defects (alpha: a failing test, beta: lint errors, gamma: a type error; nodelib
// passes) and the sharded workflow `ci-workflow --shards=2` writes, committed; then, each in its own
// git clone with its own NX_CACHE_DIRECTORY (so only the remote can supply a hit):
//
//   D  the single-machine run of the same commit: `nx run-many -t quality`, then quality-report (no remote);
//   A, B  the workflow's shard step, shard 1 and 2 of 2, with the remote cache (the shards of a CI run);
//   C  `nx run-many -t quality` over all projects: every task a remote hit, failing projects included;
//      its reports (the after-run hook's and quality-report's) equal D's;
//   F  the workflow's report job: restore step and quality-report, the job summary included;
//   W  a run with a wrong token: what Nx does with the server's 401.
//
// Environment: NXQ_E2E_KEEP=1 keeps the temp folder; NXQ_E2E_BASE_CACHE=<dir> reuses the base workspace
// (local runs only).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReportSchema, type ReportJson } from '@nx-quality/core';
import { parse } from 'yaml';
import { cloneWorkspace } from '../tools/e2e/clone-workspace';
import { createBaseWorkspace, NODE_LIB, workspaceScope } from '../tools/e2e/create-base-workspace';
import { tasksFromNxOutput } from '../tools/e2e/nx-run-output';
import type { ProbedTask } from '../tools/e2e/nx-task-probe';
import { phaseTimings, timePhase } from '../tools/e2e/phase-timer';
import { plantDefects } from '../tools/e2e/plant-defects';
import { initArgs, packTarballs, repoDevVersion } from '../tools/e2e/prepare-workspace';
import { describeOutput, runCommand, workspaceBin, type CommandResult } from '../tools/e2e/run-command';
import { runWorkflowStep, type WorkflowStep } from '../tools/e2e/run-workflow-step';
import type { RemoteCacheRequest } from '../tools/remote-cache/remote-cache-server';
import { startRemoteCache, type RemoteCacheProcess } from '../tools/e2e/start-remote-cache';

const JEST_LIBS = ['alpha', 'beta', 'gamma'] as const;
const FAILING = ['alpha', 'beta', 'gamma'];
const REPORT_DIR = 'dist/quality-report';
/** The report files the issue asks to be byte-identical across machines. */
const COMPARED = ['report.json', 'report.md', 'lcov.info'] as const;
const TOKEN = 'e2e-read-write-token';
const SHARDS = 2;

interface Workflow {
  env: Record<string, string>;
  jobs: Record<string, { steps: WorkflowStep[] }>;
}

let root: string;
let base: string;
let scope: string;
let server: RemoteCacheProcess;
let workflow: Workflow;
let qualityProjects: string[];

/** What one clone's commands printed and wrote. */
interface MachineRun {
  dir: string;
  run: CommandResult;
  tasks: ProbedTask[];
  /** Server requests made during this machine's run (the shards': during both shards' runs). */
  requests: RemoteCacheRequest[];
}

let d: MachineRun & { hook: ReportFiles; target: ReportFiles };
const shards: MachineRun[] = [];
let c: MachineRun & { hook: ReportFiles; target: ReportFiles; report: CommandResult };
let f: MachineRun & { target: ReportFiles; report: CommandResult; summary: string };
let w: MachineRun;
let wSkip: MachineRun;
/** Whether the wrong-token run left any result file (checked before the run that skips the remote). */
let wWroteResults: boolean;

type ReportFiles = Record<(typeof COMPARED)[number], string | undefined>;

const project = (lib: string) => `${scope}/${lib}`;

/** The workflow's secrets: the loopback server and its token. */
function secrets(): Record<string, string> {
  return { 'secrets.NX_SELF_HOSTED_REMOTE_CACHE_SERVER': server.url, 'secrets.NX_SELF_HOSTED_REMOTE_CACHE_ACCESS_TOKEN': TOKEN };
}

/**
 * Nx's static output for the workflow's commands, which the e2e reads for the task list (in CI Nx
 * defaults to static-failures-only, which folds a successful or cached task into one line).
 */
const STATIC_OUTPUT = { NX_DEFAULT_OUTPUT_STYLE: 'static' };

/** Remote cache settings as the workflow's secrets would give them. */
function remoteEnv(token = TOKEN): Record<string, string> {
  return { NX_SELF_HOSTED_REMOTE_CACHE_SERVER: server.url, NX_SELF_HOSTED_REMOTE_CACHE_ACCESS_TOKEN: token };
}

/** Each machine's own local cache folder, so that a hit can only come from the remote. */
function cacheEnv(machine: string): Record<string, string> {
  return { NX_CACHE_DIRECTORY: join(root, 'nx-cache', machine) };
}

function nx(dir: string, args: string[], env: Record<string, string>): CommandResult {
  return runCommand(workspaceBin(dir, 'nx'), [...args, '--output-style=static'], { cwd: dir, check: false, env });
}

/** Runs `work` and returns what it returned plus the server requests made meanwhile. */
async function withRequests<T>(phase: string, work: () => T | Promise<T>): Promise<{ value: T; requests: RemoteCacheRequest[] }> {
  const from = server.requests().length;
  const value = await timePhase(phase, work);
  return { value, requests: server.requests().slice(from) };
}

function readReportFiles(dir: string): ReportFiles {
  const read = (file: string) => (existsSync(join(dir, REPORT_DIR, file)) ? readFileSync(join(dir, REPORT_DIR, file), 'utf8') : undefined);
  return { 'report.json': read('report.json'), 'report.md': read('report.md'), 'lcov.info': read('lcov.info') };
}

function parseReport(files: ReportFiles, who: string): ReportJson {
  if (!files['report.json']) throw new Error(`${who}: ${REPORT_DIR}/report.json was not written`);
  return ReportSchema.parse(JSON.parse(files['report.json']));
}

/**
 * The report files with the times of the run replaced by placeholders: `generatedAt` (when the report
 * was written) and each result's `startedAt` (when its task ran: on the machine that ran it). Everything
 * else must be byte for byte what another machine writes from the same results.
 */
function withoutRunTimes(files: ReportFiles, who: string): ReportFiles {
  const report = parseReport(files, who);
  const times = new Map<string, string>([[report.generatedAt, '<generatedAt>']]);
  for (const row of report.projects) {
    for (const [kind, state] of Object.entries(row.results)) if (state.startedAt) times.set(state.startedAt, `<startedAt ${row.name} ${kind}>`);
  }
  // Two tasks started in the same millisecond on one machine share a time, so in report.json each
  // result's own startedAt gets its own placeholder in place, not the last one recorded for the time.
  const json = JSON.parse(files['report.json']!) as { projects: { name: string; results: Record<string, { startedAt?: string }> }[] };
  for (const row of json.projects) {
    for (const [kind, state] of Object.entries(row.results)) if (state.startedAt) state.startedAt = `<startedAt ${row.name} ${kind}>`;
  }
  const replace = (text: string | undefined) => {
    if (text === undefined) return undefined;
    let out = text;
    for (const [time, placeholder] of times) out = out.split(time).join(placeholder);
    return out;
  };
  return { 'report.json': replace(`${JSON.stringify(json, null, 2)}\n`), 'report.md': replace(files['report.md']), 'lcov.info': replace(files['lcov.info']) };
}

/** Lines of `a` and `b` that differ, side by side (for a readable failure). */
function differingLines(a: string | undefined, b: string | undefined): string[] {
  if (a === undefined || b === undefined) return [`one side is missing: ${a === undefined ? 'first' : 'second'}`];
  const left = a.split('\n');
  const right = b.split('\n');
  const out: string[] = [];
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    if (left[i] !== right[i]) out.push(`line ${i + 1}:\n  - ${left[i] ?? '(none)'}\n  + ${right[i] ?? '(none)'}`);
  }
  return out;
}

function stepNamed(job: string, name: RegExp): WorkflowStep {
  const step = workflow.jobs[job]?.steps.find((s) => s.name && name.test(s.name));
  if (!step) throw new Error(`the generated workflow has no ${job} step named ${name}`);
  return step;
}

/** The last commit's parent and itself, as nrwl/nx-set-shas exports them (the commit adds nx-quality: every project is affected). */
function setShas(dir: string): Record<string, string> {
  const sha = (rev: string) => runCommand('git', ['rev-parse', rev], { cwd: dir }).stdout.trim();
  return { NX_BASE: sha('HEAD~1'), NX_HEAD: sha('HEAD') };
}

function tasksOf(result: CommandResult): ProbedTask[] {
  return tasksFromNxOutput(`${result.stdout}\n${result.stderr}`);
}

// The e2e project's testTimeout does not apply when Jest runs from the root config (it is a global
// option), and this hook awaits the shards, so Jest's 5 s default would cut it short.
const HOOK_TIMEOUT_MS = 30 * 60 * 1000;

beforeAll(async () => {
  root = realpathSync(mkdtempSync(join(tmpdir(), 'nxq-e2e-remote-')));
  process.stderr.write(`[e2e] remote-cache root: ${root}\n`);
  server = await startRemoteCache({ storageDir: join(root, 'remote-store'), logFile: join(root, 'remote-requests.jsonl'), token: TOKEN });

  const tarballs = await timePhase('pack tarballs', () => packTarballs(join(root, 'tarballs')));
  base = await createBaseWorkspace(root, 'nxq-rc', { libs: JEST_LIBS, nodeLib: true });
  scope = workspaceScope(base);
  await timePhase('npm install tarballs', () =>
    runCommand('npm', ['install', '-D', '--no-audit', '--no-fund', ...tarballs, `c8@${repoDevVersion('c8')}`], { cwd: base }),
  );
  await timePhase('nx g init', () => runCommand(workspaceBin(base, 'nx'), ['g', '@nx-quality/plugin:init', '--no-interactive', ...initArgs(base)], { cwd: base }));
  plantDefects(base);
  await timePhase(`nx g ci-workflow --shards=${SHARDS}`, () =>
    runCommand(workspaceBin(base, 'nx'), ['g', '@nx-quality/plugin:ci-workflow', `--shards=${SHARDS}`, '--no-interactive'], { cwd: base }),
  );
  runCommand('git', ['add', '-A'], { cwd: base });
  runCommand('git', ['-c', 'user.name=e2e', '-c', 'user.email=e2e@example.com', 'commit', '-q', '--no-verify', '-m', 'nx-quality, sharded workflow, planted defects'], {
    cwd: base,
  });
  workflow = parse(readFileSync(join(base, '.github/workflows/quality.yml'), 'utf8')) as Workflow;
  const listed = runCommand(workspaceBin(base, 'nx'), ['show', 'projects', '--with-target', 'quality', '--json'], { cwd: base, env: cacheEnv('list') });
  qualityProjects = (JSON.parse(listed.stdout) as string[]).sort();

  // D: one machine, no remote cache.
  const dRun = await withRequests('D: nx run-many -t quality (single machine)', () => nx(base, ['run-many', '-t', 'quality'], cacheEnv('D')));
  const dHook = readReportFiles(base);
  await timePhase('D: quality-report', () => nx(base, ['run', rootProjectOf(workflow)], cacheEnv('D')));
  d = { dir: base, run: dRun.value, tasks: tasksOf(dRun.value), requests: dRun.requests, hook: dHook, target: readReportFiles(base) };

  // A and B: the workflow's shard step, as two CI jobs run it: at the same time, each on its own machine.
  const shardStep = stepNamed('quality', /shard/i);
  mkdirSync(join(root, 'clones'));
  const shardDirs = Array.from({ length: SHARDS }, (_, index) => cloneWorkspace(base, join(root, 'clones'), `shard-${index + 1}`));
  const from = server.requests().length;
  const shardRuns = await timePhase(`shards 1-${SHARDS} of ${SHARDS} in parallel: the workflow's shard step`, () =>
    Promise.all(
      shardDirs.map((dir, index) =>
        runWorkflowStep(shardStep, {
          cwd: dir,
          workflowEnv: workflow.env,
          expressions: { 'matrix.shard': String(index + 1), ...secrets() },
          env: { ...setShas(dir), ...cacheEnv(`shard-${index + 1}`), ...STATIC_OUTPUT },
        }),
      ),
    ),
  );
  const shardRequests = server.requests().slice(from);
  for (const [index, run] of shardRuns.entries()) {
    const tasks = tasksOf(run);
    shards.push({ dir: shardDirs[index]!, run, tasks, requests: shardRequests });
  }

  // C: a fresh machine runs everything; only the remote cache can supply hits.
  const cDir = cloneWorkspace(base, join(root, 'clones'), 'C');
  const cRun = await withRequests('C: nx run-many -t quality (remote cache)', () => nx(cDir, ['run-many', '-t', 'quality'], { ...remoteEnv(), ...cacheEnv('C') }));
  const cHook = readReportFiles(cDir);
  const cReport = await timePhase('C: quality-report', () => nx(cDir, ['run', rootProjectOf(workflow)], { ...remoteEnv(), ...cacheEnv('C') }));
  c = { dir: cDir, run: cRun.value, tasks: tasksOf(cRun.value), requests: cRun.requests, hook: cHook, target: readReportFiles(cDir), report: cReport };

  // F: the workflow's report job.
  const fDir = cloneWorkspace(base, join(root, 'clones'), 'F');
  const summaryFile = join(root, 'step-summary.md');
  const jobEnv = { expressions: secrets() };
  const fEnv = { ...setShas(fDir), ...cacheEnv('F'), GITHUB_STEP_SUMMARY: summaryFile, ...STATIC_OUTPUT };
  const fRun = await withRequests("F: the report job's restore step", () =>
    runWorkflowStep(stepNamed('report', /restore/i), { cwd: fDir, workflowEnv: workflow.env, ...jobEnv, env: fEnv }),
  );
  const fReport = await timePhase("F: the report job's quality-report step", () =>
    runWorkflowStep(stepNamed('report', /report and job summary/i), { cwd: fDir, workflowEnv: workflow.env, ...jobEnv, env: fEnv }),
  );
  f = {
    dir: fDir,
    run: fRun.value,
    tasks: tasksOf(fRun.value),
    requests: fRun.requests,
    target: readReportFiles(fDir),
    report: fReport,
    summary: existsSync(summaryFile) ? readFileSync(summaryFile, 'utf8') : '',
  };

  // W: a wrong token; then the same with the remote cache skipped, as a user would to get on.
  const wDir = cloneWorkspace(base, join(root, 'clones'), 'W');
  const nodelibQuality = ['run-many', '-t', 'quality', `--projects=${project(NODE_LIB)}`];
  const wRun = await withRequests('W: nx run-many -t quality (nodelib) with a wrong token', () => nx(wDir, nodelibQuality, { ...remoteEnv('not-the-token'), ...cacheEnv('W') }));
  w = { dir: wDir, run: wRun.value, tasks: tasksOf(wRun.value), requests: wRun.requests };
  wWroteResults = existsSync(join(wDir, 'dist/quality'));
  const skipRun = await withRequests('W: the same with NX_SKIP_REMOTE_CACHE=true', () =>
    nx(wDir, nodelibQuality, { ...remoteEnv('not-the-token'), ...cacheEnv('W'), NX_SKIP_REMOTE_CACHE: 'true' }),
  );
  wSkip = { dir: wDir, run: skipRun.value, tasks: tasksOf(skipRun.value), requests: skipRun.requests };
}, HOOK_TIMEOUT_MS);

afterAll(async () => {
  const lines = phaseTimings().map((t) => `  ${t.ok ? ' ' : '!'} ${(t.durationMs / 1000).toFixed(1).padStart(6)}s  ${t.phase}`);
  process.stderr.write(`[e2e] phase timings:\n${lines.join('\n')}\n`);
  await server?.stop();
  if (process.env.NXQ_E2E_KEEP) process.stderr.write(`[e2e] kept ${root} (NXQ_E2E_KEEP)\n`);
  else if (root) rmSync(root, { recursive: true, force: true });
});

/** `<root project>:quality-report`, as the workflow's report step names it. */
function rootProjectOf(wf: Workflow): string {
  const run = wf.jobs.report?.steps.find((s) => s.run?.startsWith('npx nx run '))?.run ?? '';
  const target = run.slice('npx nx run '.length).trim();
  if (!/^[^:\s]+:quality-report$/.test(target)) throw new Error(`the workflow's report job runs no <project>:quality-report (found "${run}")`);
  return target;
}

describe('single machine (D): the reference run of the commit', () => {
  it('runs every quality task, exits 1 for the planted failures, and touches no remote cache', () => {
    const quality = d.tasks.filter((t) => t.target === 'quality').map((t) => `${t.project} ${t.status}`).sort();
    expect({ exitCode: d.run.code, quality, requests: d.requests.length, output: d.run.code === 1 ? '' : describeOutput(d.run) }).toEqual({
      exitCode: 1,
      quality: qualityProjects.map((p) => `${p} success`),
      requests: 0,
      output: '',
    });
    expect(qualityProjects).toEqual([...FAILING, NODE_LIB].map(project).sort());
  });
});

describe(`sharded CI: the workflow's shard step, ${SHARDS} shards, each its own clone`, () => {
  it('splits the projects: each project in exactly one shard, all of them in some shard', () => {
    const ran = shards.map((s) => [...new Set(s.tasks.filter((t) => t.target === 'quality').map((t) => t.project))].sort());
    expect(ran.every((list) => list.length > 0)).toBe(true);
    expect(ran.flat().sort()).toEqual(qualityProjects);
  });

  it('runs every task (nothing in the remote yet), exits 1 only where a gate fails, and stores every task in the remote cache', () => {
    for (const [index, s] of shards.entries()) {
      const projects = [...new Set(s.tasks.map((t) => t.project))];
      const failing = projects.some((p) => FAILING.map(project).includes(p));
      const notRun = s.tasks.filter((t) => t.status !== 'success').map((t) => `${t.id}: ${t.status}`);
      expect({ shard: index + 1, exitCode: s.run.code, notRun, output: s.run.code <= 1 ? '' : describeOutput(s.run) }).toEqual({
        shard: index + 1,
        exitCode: failing ? 1 : 0,
        notRun: [],
        output: '',
      });
    }
    const requests = shards[0]!.requests;
    const tasks = shards.reduce((sum, s) => sum + s.tasks.length, 0);
    // A quality task runs in its tools' batch (Nx 23); its hash covers their results, so Nx looks it
    // up only when they were restored, and hashes it again after they ran, before storing it.
    const gates = shards.reduce((sum, s) => sum + s.tasks.filter((t) => t.target === 'quality').length, 0);
    expect({
      stored: requests.filter((r) => r.method === 'PUT' && r.status === 200).length,
      otherPuts: requests.filter((r) => r.method === 'PUT' && r.status !== 200).length,
      misses: requests.filter((r) => r.method === 'GET' && r.status === 404).length,
    }).toEqual({ stored: tasks, otherPuts: 0, misses: tasks - gates });
  });
});

describe('fresh machine C: nx run-many -t quality over all projects', () => {
  it('restores every task from the remote cache, failing projects included, and stores nothing', () => {
    const notRemote = c.tasks.filter((t) => t.status !== 'remote-cache').map((t) => `${t.id}: ${t.status}`);
    const shardTasks = shards.flatMap((s) => s.tasks.map((t) => t.id)).sort();
    expect({ tasks: c.tasks.map((t) => t.id).sort(), notRemote }).toEqual({ tasks: shardTasks, notRemote: [] });
    const gets = c.requests.filter((r) => r.method === 'GET');
    expect({ gets: gets.length, hits: gets.filter((r) => r.status === 200).length, puts: c.requests.filter((r) => r.method === 'PUT').length }).toEqual({
      gets: c.tasks.length,
      hits: c.tasks.length,
      puts: 0,
    });
    expect({ exitCode: c.run.code, output: c.run.code === 1 ? '' : describeOutput(c.run) }).toEqual({ exitCode: 1, output: '' });
  });

  it('quality-report from the restored outputs: report.json, report.md and lcov.info byte-identical to D’s, apart from the run times', () => {
    expect({ exitCode: c.report.code, output: c.report.code === 0 ? '' : describeOutput(c.report) }).toEqual({ exitCode: 0, output: '' });
    const ours = withoutRunTimes(c.target, 'C quality-report');
    const reference = withoutRunTimes(d.target, 'D quality-report');
    expect(COMPARED.filter((file) => !ours[file])).toEqual([]);
    for (const file of COMPARED) expect({ file, diff: differingLines(reference[file], ours[file]) }).toEqual({ file, diff: [] });
  });

  it('the after-run hook’s report: the same as D’s but for where the results came from (D fresh, C remote cache) and the run times', () => {
    const cReport = parseReport(c.hook, 'C hook');
    const dReport = parseReport(d.hook, 'D hook');
    const origins = (report: ReportJson) =>
      [...new Set(report.projects.flatMap((p) => Object.values(p.results).map((s) => `${s.origin} ${s.taskStatus ?? ''}`.trim())))].sort();
    expect({ d: origins(dReport), c: origins(cReport) }).toEqual({ d: ['fresh success'], c: ['cached remote-cache'] });
    const provenanceFree = (report: ReportJson) => ({
      ...report,
      generatedAt: undefined,
      totals: { ...report.totals, resultOrigins: undefined },
      projects: report.projects.map((p) => ({
        ...p,
        origin: undefined,
        results: Object.fromEntries(Object.entries(p.results).map(([kind, s]) => [kind, { ...s, origin: undefined, taskStatus: undefined, startedAt: undefined }])),
      })),
    });
    expect(provenanceFree(cReport)).toEqual(provenanceFree(dReport));
    expect(c.hook['lcov.info']).toBe(d.hook['lcov.info']);
  });
});

describe("the workflow's report job (F): restore from the remote cache, then quality-report", () => {
  it('restores every task from the remote cache and writes the same report as D’s quality-report', () => {
    expect(f.tasks.filter((t) => t.status !== 'remote-cache').map((t) => `${t.id}: ${t.status}`)).toEqual([]);
    expect(f.tasks.map((t) => t.id).sort()).toEqual(c.tasks.map((t) => t.id).sort());
    expect({ exitCode: f.report.code, output: f.report.code === 0 ? '' : describeOutput(f.report) }).toEqual({ exitCode: 0, output: '' });
    const ours = withoutRunTimes(f.target, 'F quality-report');
    const reference = withoutRunTimes(d.target, 'D quality-report');
    for (const file of COMPARED) expect({ file, diff: differingLines(reference[file], ours[file]) }).toEqual({ file, diff: [] });
  });

  it('posts report.md as the job summary, once (the after-run hook is off in the workflow)', () => {
    expect(f.summary).toBe(f.target['report.md']);
  });
});

describe('a wrong token (W)', () => {
  it('Nx stops the run with the server’s 401 message, runs no task and writes no result (Nx treats a rejected token as fatal)', () => {
    expect([...new Set(w.requests.map((r) => `${r.method} ${r.status}`))]).toEqual(['GET 401']);
    const output = `${w.run.stdout}\n${w.run.stderr}`;
    expect({
      exitCode: w.run.code,
      tasksRun: w.tasks.map((t) => `${t.id}: ${t.status}`),
      results: wWroteResults,
      message: output.includes('Unauthorized: Missing or invalid authentication token for the remote cache: set NX_SELF_HOSTED_REMOTE_CACHE_ACCESS_TOKEN'),
    }).toEqual({ exitCode: 1, tasksRun: [], results: false, message: true });
  });

  it('with the remote cache skipped (NX_SKIP_REMOTE_CACHE=true) the same run completes locally, asking the server nothing', () => {
    const output = `${wSkip.run.stdout}\n${wSkip.run.stderr}`;
    expect({
      exitCode: wSkip.run.code,
      quality: wSkip.tasks.find((t) => t.target === 'quality')?.status,
      notRun: wSkip.tasks.filter((t) => t.status !== 'success').map((t) => t.id),
      requests: wSkip.requests.length,
      warned: output.includes('Remote Cache Disabled'),
      output: wSkip.run.code === 0 ? '' : describeOutput(wSkip.run),
    }).toEqual({ exitCode: 0, quality: 'success', notRun: [], requests: 0, warned: true, output: '' });
  });
});
