// End to end on a "real-world" workspace (issue 15): create-nx-workspace@23.2.1 (ts preset, the
// official @nx/jest/plugin and @nx/eslint/plugin entries as it registers them, plus an `exclude` and
// an `include` list), one generated library reshaped into the patterns that broke nx-quality on real
// repositories (tools/e2e/realworld-workspace.ts): a `.env.test` whose NODE_OPTIONS a test needs,
// e2e and tools projects the official entries leave out, a jest.config.json project, ts-jest beside
// @swc/jest, a spec calling process.exit(1), a spec SIGKILLing its process, an invalid option, and a
// 5,001-case suite with 50 failures. Every number is compared with the OFFICIAL targets' own run on
// the same code (`nx run-many -t test -- --json …`, `nx run-many -t lint -- --format json …`); then
// `init --replaceOfficial` must leave `nx show projects -t test|lint` exactly as the official plugins
// had them.
//
// Environment (all optional): NXQ_E2E_KEEP=1 keeps the temp workspace; NXQ_E2E_BASE_CACHE=<dir>
// reuses the generated base across local runs (never in CI); NXQ_E2E_TIMINGS_FILE=<file>.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { LintResultSchema, QualityResultSchema, ReportSchema, TestResultSchema, type LintResult, type ReportJson, type TestResult } from '@nx-quality/core';
import type { ZodType } from 'zod';
import { Mismatches } from '../tools/e2e/mismatches';
import { isCacheHit, type ProbedTask } from '../tools/e2e/nx-task-probe';
import { tasksFromNxOutput } from '../tools/e2e/nx-run-output';
import { phaseTimings, timePhase } from '../tools/e2e/phase-timer';
import { commitAll, disposeRealworld, prepareRealworldWorkspace, type RealworldWorkspace } from '../tools/e2e/prepare-realworld';
import {
  BIG_SUITE,
  DECLARED_LINT_PATTERNS,
  DECLARED_LINTED_FILES,
  ENV_TEST_NODE_OPTIONS,
  MISSING_FLAG_ERROR,
  MISSING_FLAG_MESSAGE,
  plantCrashes,
  removeInvalidOption,
  RW,
  RW_DEFAULTED,
  RW_EXCLUDED,
  SCRIPTED_LINT,
  writeDeclaredLintPatterns,
} from '../tools/e2e/realworld-workspace';
import { istanbulTotals, jestReference, readEslintReference, readJestReference, type CoverageTotals, type EslintReference, type JestReference } from '../tools/e2e/reference-runs';
import { describeOutput, runCommand, workspaceBin, type CommandResult } from '../tools/e2e/run-command';

const RESULTS = 'dist/quality';
const REPORT_DIR = 'dist/quality-report';
const PLUGIN = '@nx-quality/plugin';
/** Where the official runs write Jest's and ESLint's own JSON, inside each project (git-ignored). */
const REF_DIR = '.nxq-ref';

/** Projects with an official test target (every packages/ project but jsonlib). */
const TESTED = [RW.control, RW.env, RW.tsjest, RW.exit, RW.kill, RW.badOptions, RW.big] as const;
/** Projects with an official lint target (every packages/ project). */
const LINTED = [...TESTED, RW.json, RW.declared, RW.scripted] as const;
/** Projects whose test task cannot produce a result: the crashes. */
const CRASHING = [RW.exit, RW.kill, RW.badOptions] as const;
/** Projects whose tests run to the end under both the official target and ours. */
const COMPLETING = [RW.control, RW.env, RW.tsjest, RW.big] as const;
/** Projects whose gates fail: failing tests or lint errors, or a test result that could not be produced. */
const FAILING_GATES = [RW.tsjest, RW.big, ...CRASHING] as const;

let rw: RealworldWorkspace;
let official: { test: string[]; lint: string[] };
let graphTargets: Record<string, Record<string, { executor?: string; options?: Record<string, unknown> }>>;
let preRun: CommandResult;
let preResults: Record<string, TestResult | undefined>;
let officialTest: CommandResult;
let officialLint: CommandResult;
let officialDefaultedTest: CommandResult;
let officialDefaultedIntTest: CommandResult;
let officialDefaultedLint: CommandResult;
let run1: CommandResult;
let run1Start: number;
let run1Tasks: ProbedTask[];
let run1Report: ReportJson | undefined;
let run1Tests: Record<string, TestResult | undefined>;
let run2: CommandResult;
let run2Tasks: ProbedTask[];
let run2Report: ReportJson | undefined;

/** `nx <args>` in the workspace, static output, its own cache folder. */
function nx(args: string[], env: Record<string, string> = {}): CommandResult {
  // Nx's own flags go before `--`; what follows it is forwarded to the tool.
  const split = args.indexOf('--');
  const withStyle = split < 0 ? [...args, '--output-style=static'] : [...args.slice(0, split), '--output-style=static', ...args.slice(split)];
  return runCommand(workspaceBin(rw.dir, 'nx'), withStyle, { cwd: rw.dir, check: false, env: { ...rw.nxEnv, ...env } });
}

/** `nx show projects -t <target> --json`, sorted. */
function showProjects(target: string): string[] {
  const result = runCommand(workspaceBin(rw.dir, 'nx'), ['show', 'projects', '-t', target, '--json'], { cwd: rw.dir, check: false, env: rw.nxEnv });
  const json = /\[[^\]]*\]/.exec(result.stdout)?.[0];
  if (result.code !== 0 || !json) throw new Error(`nx show projects -t ${target} --json failed\n${describeOutput(result)}`);
  return (JSON.parse(json) as string[]).sort();
}

function tasksOf(result: CommandResult): ProbedTask[] {
  return tasksFromNxOutput(`${result.stdout}\n${result.stderr}`);
}

function readJson(relPath: string): unknown {
  return JSON.parse(readFileSync(join(rw.dir, relPath), 'utf8'));
}

/** A result file of a packages/ library, validated; undefined when it does not exist. */
function readResult<T>(lib: string, file: string, schema: ZodType<T>): T | undefined {
  return readResultAt(`packages/${lib}`, file, schema);
}

/** A result file of the project at `projectRoot`, validated; undefined when it does not exist. */
function readResultAt<T>(projectRoot: string, file: string, schema: ZodType<T>): T | undefined {
  const rel = `${RESULTS}/${projectRoot}/${file}`;
  if (!existsSync(join(rw.dir, rel))) return undefined;
  const parsed = schema.safeParse(readJson(rel));
  if (!parsed.success) throw new Error(`${projectRoot}: ${rel} does not match its schema: ${parsed.error.message}`);
  return parsed.data;
}

function readReport(): ReportJson | undefined {
  const rel = `${REPORT_DIR}/report.json`;
  if (!existsSync(join(rw.dir, rel))) return undefined;
  return ReportSchema.parse(readJson(rel));
}

/** The official test run's Jest JSON of a project; undefined when Jest wrote none (it died). */
function officialJest(lib: string): JestReference | undefined {
  const file = join(rw.dir, 'packages', lib, REF_DIR, 'jest.json');
  return existsSync(file) ? readJestReference(rw.dir, file, join(rw.dir, 'packages', lib, REF_DIR, 'coverage', 'coverage-summary.json')) : undefined;
}

/**
 * The official lint run's ESLint JSON of a project. The inferred target runs `eslint` in the project
 * folder; @nx/eslint:lint writes its outputFile relative to the workspace root (one project has it).
 */
function officialEslint(lib: string): EslintReference | undefined {
  const file = lib === RW.declared ? join(rw.dir, REF_DIR, 'eslint.json') : join(rw.dir, 'packages', lib, REF_DIR, 'eslint.json');
  return existsSync(file) ? readEslintReference(readFileSync(file, 'utf8')) : undefined;
}

/** The official target quality-lint stands beside, and what the official lint run and ours linted of a project. */
function lintSelection(lib: string) {
  const lint = readResult(lib, 'lint.json', LintResultSchema);
  const official = officialEslint(lib);
  return {
    officialTarget: graphTargets[rw.project(lib)]?.['quality-lint']?.options?.officialTarget,
    official: official && { files: official.filesLinted, errors: official.errors },
    ours: lint && { status: lint.status, files: lint.counts.filesLinted, errors: lint.counts.errors },
  };
}

function coverageNumbers(totals: CoverageTotals | NonNullable<TestResult['coverage']>['totals']) {
  const pick = (m: { total: number; covered: number }) => ({ total: m.total, covered: m.covered });
  return { lines: pick(totals.lines), statements: pick(totals.statements), functions: pick(totals.functions), branches: pick(totals.branches) };
}

function sortedFailures(failures: { file: string; fullName: string }[]) {
  return failures.map((f) => `${f.file} ${f.fullName}`).sort();
}

/**
 * Every violation a failing project's quality.json lists that the command's output does not; a
 * quality.json missing or older than `since` (left by an earlier run: this run's quality task did
 * not run) counts as one such line.
 */
function violationsNotListed(result: CommandResult, libs: readonly string[], since: number): string[] {
  const output = `${result.stdout}\n${result.stderr}`;
  return libs.flatMap((lib) => {
    const quality = readResult(lib, 'quality.json', QualityResultSchema);
    if (!quality) return [`${rw.project(lib)}: ${RESULTS}/packages/${lib}/quality.json was not written, so its gates are not in the verdict`];
    if (Date.parse(quality.evaluatedAt) < since) {
      return [`${rw.project(lib)}: quality.json (${quality.status}) was left by an earlier run at ${quality.evaluatedAt}: this run's quality task did not run, so its gates are not in the verdict`];
    }
    if (quality.status !== 'failed' || quality.violations.length === 0) return [`${rw.project(lib)}: quality.json status ${quality.status} with ${quality.violations.length} violations, expected failed`];
    return quality.violations
      .map((line) => line.replace(/\s*\(project [^)]*\)\s*$/, ''))
      .filter((line) => !output.includes(line))
      .map((line) => `${rw.project(lib)}: "${line}" is not in the output`);
  });
}

/**
 * The environment of the official runs. @nx/jest/plugin 23.2.1 gives its inferred test target
 * TS_NODE_COMPILER_OPTIONS with `moduleResolution: node10`, which TypeScript 6 (what
 * create-nx-workspace installs) rejects (TS5107) when Jest loads jest.config.cts through ts-node, and
 * ts-node then type-checks the config without Node's types (TS2591): the official `test` target of a
 * fresh workspace cannot start. These two ts-node switches (read by ts-node only, inside the official
 * target's own process) make it run; nothing else about the target changes.
 */
const OFFICIAL_TS_NODE_ENV = { TS_NODE_TRANSPILE_ONLY: 'true', TS_NODE_IGNORE_DIAGNOSTICS: '5107' };

beforeAll(async () => {
  rw = await prepareRealworldWorkspace();
  official = await timePhase('nx show projects -t test / -t lint (official plugins)', () => ({ test: showProjects('test'), lint: showProjects('lint') }));
  await timePhase('nx graph --file', () => {
    const file = join(rw.root, 'graph.json');
    const result = runCommand(workspaceBin(rw.dir, 'nx'), ['graph', `--file=${file}`], { cwd: rw.dir, check: false, env: rw.nxEnv });
    if (!existsSync(file)) throw new Error(`nx graph --file wrote nothing\n${describeOutput(result)}`);
    const nodes = (JSON.parse(readFileSync(file, 'utf8')) as { graph: { nodes: Record<string, { data: { targets?: typeof graphTargets[string] } }> } }).graph.nodes;
    graphTargets = Object.fromEntries(Object.entries(nodes).map(([name, node]) => [name, node.data.targets ?? {}]));
  });

  // The crash projects first pass, so a result is on disk that a crash could leave behind.
  preRun = await timePhase('nx run-many -t quality (crash projects, still harmless)', () =>
    nx(['run-many', '-t', 'quality', `--projects=${CRASHING.map((lib) => rw.project(lib)).join(',')}`]),
  );
  preResults = Object.fromEntries(CRASHING.map((lib) => [lib, readResult(lib, 'test.json', TestResultSchema)]));
  plantCrashes(rw.dir);
  commitAll(rw.dir, 'crashes planted');

  officialTest = await timePhase('official: nx run-many -t test -- --json --coverage', () =>
    nx(
      ['run-many', '-t', 'test', '--skip-nx-cache', '--', '--json', `--outputFile=${REF_DIR}/jest.json`, '--coverage', '--coverageReporters=json-summary', `--coverageDirectory=${REF_DIR}/coverage`],
      OFFICIAL_TS_NODE_ENV,
    ),
  );
  officialLint = await timePhase('official: nx run-many -t lint -- --format json', () =>
    nx(['run-many', '-t', 'lint', '--skip-nx-cache', '--', '--format', 'json', '--output-file', `${REF_DIR}/eslint.json`]),
  );
  // @nx/jest:jest runs Jest in the workspace root: the reference files are named absolutely.
  // (Jest does not create the folder of its outputFile.)
  const defaultedRef = join(rw.dir, RW_DEFAULTED.root, REF_DIR);
  mkdirSync(defaultedRef, { recursive: true });
  officialDefaultedTest = await timePhase(`official: nx run ${RW_DEFAULTED.name}:${RW_DEFAULTED.testTarget} -- --json --coverage`, () =>
    nx([
      'run',
      `${RW_DEFAULTED.name}:${RW_DEFAULTED.testTarget}`,
      '--skip-nx-cache',
      '--',
      '--json',
      `--outputFile=${join(defaultedRef, 'jest.json')}`,
      '--codeCoverage',
      '--coverageReporters=json-summary',
      `--coverageDirectory=${join(defaultedRef, 'coverage')}`,
    ]),
  );
  officialDefaultedIntTest = await timePhase(`official: nx run ${RW_DEFAULTED.name}:${RW_DEFAULTED.intTestTarget} -- --json`, () =>
    nx(['run', `${RW_DEFAULTED.name}:${RW_DEFAULTED.intTestTarget}`, '--skip-nx-cache', '--', '--json', `--outputFile=${join(defaultedRef, 'jest-int.json')}`]),
  );
  officialDefaultedLint = await timePhase(`official: nx run ${RW_DEFAULTED.name}:${RW_DEFAULTED.lintTarget} -- --format json`, () =>
    nx(['run', `${RW_DEFAULTED.name}:${RW_DEFAULTED.lintTarget}`, '--skip-nx-cache', '--', '--format', 'json', '--output-file', `${REF_DIR}/eslint.json`]),
  );

  run1Start = Date.now();
  run1 = await timePhase('nx run-many -t quality (1st run)', () => nx(['run-many', '-t', 'quality']));
  run1Tasks = tasksOf(run1);
  run1Report = readReport();
  run1Tests = Object.fromEntries(TESTED.map((lib) => [lib, readResult(lib, 'test.json', TestResultSchema)]));
  run2 = await timePhase('nx run-many -t quality (2nd run, warm)', () => nx(['run-many', '-t', 'quality']));
  run2Tasks = tasksOf(run2);
  run2Report = readReport();
});

afterAll(() => {
  const lines = phaseTimings().map((t) => `  ${t.ok ? ' ' : '!'} ${(t.durationMs / 1000).toFixed(1).padStart(6)}s  ${t.phase}`);
  process.stderr.write(`[e2e] phase timings:\n${lines.join('\n')}\n`);
  disposeRealworld(rw);
});

describe('which projects get our targets: exactly those the official entries cover', () => {
  const ourExecutorTargets = (project: string) =>
    Object.entries(graphTargets[project] ?? {})
      .filter(([, t]) => t.executor?.startsWith(`${PLUGIN}:`))
      .map(([name]) => name)
      .sort();
  const withTarget = (target: string) => Object.keys(graphTargets).filter((p) => graphTargets[p]?.[target] !== undefined).sort();

  it('init succeeds; the official plugins give test to packages/ but jsonlib, lint to packages/', () => {
    expect({ exitCode: rw.init.code, output: rw.init.code === 0 ? '' : describeOutput(rw.init) }).toEqual({ exitCode: 0, output: '' });
    expect(official).toEqual({ test: TESTED.map((lib) => rw.project(lib)).sort(), lint: LINTED.map((lib) => rw.project(lib)).sort() });
  });

  it(`quality-test and quality-lint stand beside exactly the official test and lint targets, and ${RW_DEFAULTED.name}'s own ${RW_DEFAULTED.testTarget} and ${RW_DEFAULTED.lintTarget}`, () => {
    expect({ qualityTest: withTarget('quality-test'), qualityLint: withTarget('quality-lint') }).toEqual({
      qualityTest: [...official.test, RW_DEFAULTED.name].sort(),
      qualityLint: [...official.lint, RW_DEFAULTED.name].sort(),
    });
  });

  it('our test targets run the Jest config inference found and name the official target', () => {
    const options = Object.fromEntries(TESTED.map((lib) => [rw.project(lib), graphTargets[rw.project(lib)]?.['quality-test']?.options ?? {}]));
    const picked = Object.fromEntries(Object.entries(options).map(([p, o]) => [p, { officialTarget: o.officialTarget, jestConfig: o.jestConfig }]));
    expect(picked).toEqual(
      Object.fromEntries(
        TESTED.map((lib) => [rw.project(lib), { officialTarget: 'test', jestConfig: `packages/${lib}/jest.config.${lib === RW.env ? 'cjs' : 'cts'}` }]),
      ),
    );
  });

  it(`${RW.json} (only jest.config.json, which @nx/jest/plugin does not glob) has neither test nor any test target of ours`, () => {
    const targets = graphTargets[rw.project(RW.json)] ?? {};
    const testLike = Object.entries(targets).filter(([name, t]) => name === 'test' || (t.executor === `${PLUGIN}:tool` && t.options?.['tool'] === 'test')).map(([name]) => name);
    expect({ project: rw.project(RW.json), testLike, hasLint: 'quality-lint' in targets }).toEqual({ project: rw.project(RW.json), testLike: [], hasLint: true });
  });

  it(`${RW_EXCLUDED.vitestE2e.name}: the end-to-end @nx/vitest entry infers its suite as e2e-local and e2e-ci (the pattern is real), no entry infers a test target`, () => {
    const targets = graphTargets[RW_EXCLUDED.vitestE2e.name] ?? {};
    expect({ e2eLocal: targets['e2e-local']?.options?.['command'], e2eCi: 'e2e-ci' in targets, test: 'test' in targets }).toEqual({ e2eLocal: 'vitest', e2eCi: true, test: false });
  });

  it.each(Object.values(RW_EXCLUDED))('$name ($root, left out by the official entries) gets no nx-quality target at all', ({ name }) => {
    expect({ project: name, exists: name in graphTargets, ours: ourExecutorTargets(name), official: Object.keys(graphTargets[name] ?? {}).filter((t) => t === 'test' || t === 'lint') }).toEqual({
      project: name,
      exists: true,
      ours: [],
      official: [],
    });
  });
});

describe('.env.test sets NODE_OPTIONS=--experimental-vm-modules, which a spec needs', () => {
  it(`without it, Jest fails the spec with ${MISSING_FLAG_ERROR} (the pattern is real)`, () => {
    const bare = runCommand(workspaceBin(rw.dir, 'jest'), ['--ci'], { cwd: join(rw.dir, 'packages', RW.env), check: false });
    // Jest prints the error's message, not its code.
    expect({ exitCode: bare.code === 0 ? 0 : 'non-zero', message: `${bare.stdout}${bare.stderr}`.includes(MISSING_FLAG_MESSAGE) }).toEqual({ exitCode: 'non-zero', message: true });
  });

  it('the official test target passes with it, and quality-test records the same passing run', () => {
    const ref = officialJest(RW.env);
    const test = run1Tests[RW.env];
    expect({ official: ref?.counts, ours: test && { status: test.status, error: test.error?.code, counts: test.counts } }).toEqual({
      official: { total: 2, passed: 2, failed: 0, skipped: 0, todo: 0 },
      ours: { status: 'passed', error: undefined, counts: ref?.counts },
    });
    expect(readFileSync(join(rw.dir, 'packages', RW.env, '.env.test'), 'utf8')).toContain(ENV_TEST_NODE_OPTIONS);
  });
});

describe('counts equal the official targets’ run on the same code', () => {
  it.each(COMPLETING)('%s: test.json counts, failures and coverage equal the official test target’s Jest JSON', (lib) => {
    const ref = officialJest(lib);
    const test = run1Tests[lib];
    const m = new Mismatches(rw.project(lib));
    m.check(ref !== undefined, `the official test run wrote no ${REF_DIR}/jest.json\n${describeOutput(officialTest, 3000)}`);
    m.check(test !== undefined, 'test.json was not written');
    if (ref && test) {
      m.eq('test.status', test.status, ref.counts.failed > 0 ? 'failed' : 'passed', 'official jest');
      m.eq('test.counts', test.counts, ref.counts, 'official jest --json');
      m.eq('test.suites.errored', test.suites.errored, ref.suitesErrored, 'official jest --json');
      m.eq('test.failures', sortedFailures(test.failures), sortedFailures(ref.failedTests.map((f) => ({ file: f.file, fullName: [...f.ancestorTitles, f.title].join(' › ') }))), 'official jest --json');
      m.check(test.coverage !== undefined, 'test.coverage is missing');
      if (test.coverage) {
        m.eq('coverage totals', coverageNumbers(test.coverage.totals), coverageNumbers(ref.coverageTotals), 'official jest json-summary');
        m.eq('coverage files', test.coverage.files.map((f) => f.file).sort(), ref.coverageFiles, 'official jest json-summary');
      }
    }
    expect(m.list).toEqual([]);
  });

  it(`${RW.big}: ${BIG_SUITE.total} cases with ${BIG_SUITE.failing} failures, all of them in test.json and junit.xml`, () => {
    const ref = officialJest(RW.big);
    const test = run1Tests[RW.big];
    const failedNames = (ref?.failedTests ?? []).map((f) => [...f.ancestorTitles, f.title].join(' › ')).sort();
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testsuite', 'testcase', 'property'].includes(name) }).parse(
      readFileSync(join(rw.dir, REPORT_DIR, 'junit.xml'), 'utf8'),
    ) as { testsuites: { testsuite: { name: string; tests: string; failures: string; testcase?: { name: string; failure?: unknown }[] }[] } };
    const suite = xml.testsuites.testsuite.find((s) => s.name === rw.project(RW.big));
    const junitFailed = (suite?.testcase ?? []).filter((c) => c.failure !== undefined).map((c) => c.name).sort();
    expect({
      official: ref && { total: ref.counts.total, failed: ref.counts.failed },
      testJson: test && { total: test.counts.total, failed: test.counts.failed, failuresListed: test.failures.length + test.failuresOmitted },
      junit: suite && { tests: Number(suite.tests), failures: Number(suite.failures), failedCases: junitFailed.length },
      junitNamesEqualJest: junitFailed.join('\n') === failedNames.join('\n'),
    }).toEqual({
      official: { total: BIG_SUITE.total, failed: BIG_SUITE.failing },
      testJson: { total: BIG_SUITE.total, failed: BIG_SUITE.failing, failuresListed: BIG_SUITE.failing },
      junit: { tests: BIG_SUITE.total, failures: BIG_SUITE.failing, failedCases: BIG_SUITE.failing },
      junitNamesEqualJest: true,
    });
  });

  it.each(LINTED)('%s: lint.json equals the official lint target’s ESLint JSON', (lib) => {
    const ref = officialEslint(lib);
    const lint = readResult(lib, 'lint.json', LintResultSchema);
    const m = new Mismatches(rw.project(lib));
    m.check(ref !== undefined, `the official lint run wrote no ${REF_DIR}/eslint.json\n${describeOutput(officialLint, 3000)}`);
    m.check(lint !== undefined, 'lint.json was not written');
    if (ref && lint) {
      m.eq('lint.counts.errors', lint.counts.errors, ref.errors, 'official eslint');
      m.eq('lint.counts.warnings', lint.counts.warnings, ref.warnings, 'official eslint');
      m.eq('lint.counts.fixableErrors', lint.counts.fixableErrors, ref.fixableErrors, 'official eslint');
      m.eq('lint.counts.filesLinted', lint.counts.filesLinted, ref.filesLinted, 'official eslint');
      m.eq('lint.rules', lint.rules, ref.rules, 'official eslint');
    }
    expect(m.list).toEqual([]);
  });
});

describe(`${RW.big}: @nx/enforce-module-boundaries, which reads the project graph, in our batch workers`, () => {
  it(`reports the script's relative import into ${RW.control} for the official lint target and for quality-lint alike`, () => {
    const rule = '@nx/enforce-module-boundaries';
    const lint = readResult(RW.big, 'lint.json', LintResultSchema);
    expect({ official: officialEslint(RW.big)?.rules[rule], ours: lint?.rules[rule] }).toEqual({ official: { errors: 1, warnings: 0 }, ours: { errors: 1, warnings: 0 } });
  });
});

describe(`${RW.declared}: beside a declared @nx/eslint:lint target, quality-lint lints what it lints`, () => {
  it('the official target lints only what its lintFilePatterns select (one of them matches no file), and so does ours', () => {
    expect(lintSelection(RW.declared)).toEqual({
      officialTarget: 'lint',
      official: { files: DECLARED_LINTED_FILES, errors: 0 },
      ours: { status: 'passed', files: DECLARED_LINTED_FILES, errors: 0 },
    });
  });
});

describe(`${RW.scripted}: beside a package.json lint script, quality-lint lints what the script's ESLint command lints`, () => {
  it('the script lints ./src only (scripts/release.js and its error are left out), and so does ours', () => {
    expect(lintSelection(RW.scripted)).toEqual({
      officialTarget: 'lint',
      official: { files: SCRIPTED_LINT.files, errors: 0 },
      ours: { status: 'passed', files: SCRIPTED_LINT.files, errors: 0 },
    });
  });
});

describe(`${RW_DEFAULTED.name}: targets declared empty, completed by the target defaults of their names (code-pushup/cli)`, () => {
  it(`the pattern is real: ${RW_DEFAULTED.testTarget} runs @nx/jest:jest and ${RW_DEFAULTED.lintTarget} runs ESLint's CLI, from nx.json; ours stand beside them`, () => {
    const targets = graphTargets[RW_DEFAULTED.name] ?? {};
    expect({
      test: targets[RW_DEFAULTED.testTarget]?.executor,
      intTest: targets[RW_DEFAULTED.intTestTarget]?.executor,
      lint: targets[RW_DEFAULTED.lintTarget]?.executor,
      qualityTest: targets['quality-test']?.options,
      qualityLint: targets['quality-lint']?.options?.['officialTarget'],
    }).toEqual({
      test: '@nx/jest:jest',
      intTest: '@nx/jest:jest',
      lint: 'nx:run-commands',
      qualityTest: { tool: 'test', jestConfig: RW_DEFAULTED.jestConfig, resultsDir: `${RESULTS}/${RW_DEFAULTED.root}`, officialTarget: RW_DEFAULTED.testTarget },
      qualityLint: RW_DEFAULTED.lintTarget,
    });
  });

  // code-pushup runs `unit-test` and `int-test`, each with its own config; ours runs both into one result.
  it(`test.json holds the official ${RW_DEFAULTED.testTarget} and ${RW_DEFAULTED.intTestTarget} targets' tests, their Jest JSON added up, and coverage as Jest merges both configs'`, () => {
    const readJest = (name: string) => {
      const file = join(rw.dir, RW_DEFAULTED.root, REF_DIR, name);
      return existsSync(file)
        ? (JSON.parse(readFileSync(file, 'utf8')) as { numTotalTests: number; numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number })
        : undefined;
    };
    const unit = readJest('jest.json');
    const int = readJest('jest-int.json');
    // @nx/jest:jest 23 (deprecated) collects no coverage for --codeCoverage: the coverage reference is Jest itself running both configs as projects, which merges their coverage,
    // with what .env.int-test gives the integration tests.
    const reference = jestReference(rw.dir, RW_DEFAULTED.root, ['--projects', 'jest.unit.config.cjs', 'jest.int.config.cjs'], { DEFAULTED_SUITE: 'integration' });
    const test = readResultAt(RW_DEFAULTED.root, 'test.json', TestResultSchema);
    const m = new Mismatches(RW_DEFAULTED.name);
    m.check(unit !== undefined, `the official ${RW_DEFAULTED.testTarget} run wrote no ${REF_DIR}/jest.json\n${describeOutput(officialDefaultedTest, 3000)}`);
    m.check(int !== undefined, `the official ${RW_DEFAULTED.intTestTarget} run wrote no ${REF_DIR}/jest-int.json\n${describeOutput(officialDefaultedIntTest, 3000)}`);
    m.check(test !== undefined, 'test.json was not written');
    if (unit && int && test) {
      const sum = (key: keyof typeof unit) => unit[key] + int[key];
      const counts = { total: sum('numTotalTests'), passed: sum('numPassedTests'), failed: sum('numFailedTests'), skipped: sum('numPendingTests'), todo: sum('numTodoTests') };
      m.eq('test.counts', test.counts, counts, `official ${RW_DEFAULTED.testTarget} --json + ${RW_DEFAULTED.intTestTarget} --json`);
      m.eq('test.counts', test.counts, reference.counts, 'jest --json --projects <both configs>');
      if (test.coverage) m.eq('coverage totals', coverageNumbers(test.coverage.totals), coverageNumbers(reference.coverageTotals), 'jest json-summary of both configs');
      else m.check(false, 'test.coverage is missing');
    }
    expect(m.list).toEqual([]);
    expect({ counts: test?.counts, officialTargets: test?.officialTargets, notRun: test?.officialTargetsNotRun }).toMatchObject({
      counts: { passed: 3, failed: 0, todo: 1 },
      officialTargets: [RW_DEFAULTED.testTarget, RW_DEFAULTED.intTestTarget],
      notRun: undefined,
    });
  });

  it(`lint.json equals the official ${RW_DEFAULTED.lintTarget} target's ESLint JSON: src/ only, as its \`--error-on-unmatched-pattern=false\` command lints (scripts/release.js and its error left out)`, () => {
    const file = join(rw.dir, RW_DEFAULTED.root, REF_DIR, 'eslint.json');
    const ref = existsSync(file) ? readEslintReference(readFileSync(file, 'utf8')) : undefined;
    expect({ wrote: ref !== undefined, output: ref ? '' : describeOutput(officialDefaultedLint, 3000) }).toEqual({ wrote: true, output: '' });
    const lint = readResultAt(RW_DEFAULTED.root, 'lint.json', LintResultSchema);
    expect({
      official: ref && { files: ref.filesLinted, errors: ref.errors, warnings: ref.warnings },
      ours: lint && { files: lint.counts.filesLinted, errors: lint.counts.errors, warnings: lint.counts.warnings, notCarried: lint.officialTargetNotCarried },
    }).toEqual({
      official: { files: RW_DEFAULTED.lintedFiles, errors: 0, warnings: RW_DEFAULTED.warnings },
      ours: { files: RW_DEFAULTED.lintedFiles, errors: 0, warnings: RW_DEFAULTED.warnings, notCarried: undefined },
    });
  });

  // code-pushup lints with `--max-warnings=0`: a warning fails its lint task, and ours says so (the gates still judge `quality`).
  it(`lint.json fails where the official ${RW_DEFAULTED.lintTarget} target fails on its \`--max-warnings=${RW_DEFAULTED.maxWarnings}\`, naming that limit`, () => {
    const lint = readResultAt(RW_DEFAULTED.root, 'lint.json', LintResultSchema);
    expect({
      officialExit: officialDefaultedLint.code,
      ours: lint && { status: lint.status, maxWarnings: lint.maxWarnings, failureReasons: lint.failureReasons },
    }).toEqual({
      officialExit: 1,
      ours: {
        status: 'failed',
        maxWarnings: RW_DEFAULTED.maxWarnings,
        failureReasons: [`1 ESLint warning exceeds maxWarnings ${RW_DEFAULTED.maxWarnings}, the limit of the official target "${RW_DEFAULTED.lintTarget}" (project ${RW_DEFAULTED.name})`],
      },
    });
  });
});

describe('crashes (process.exit, SIGKILL, an invalid option): error results, never the earlier one shown as current', () => {
  it('before the crashes were planted, each crash project had a passing result and coverage on disk', () => {
    const state = Object.fromEntries(CRASHING.map((lib) => [lib, preResults[lib] && { status: preResults[lib].status, coverage: preResults[lib].coverage !== undefined }]));
    expect({ state, output: preRun.code === 0 ? '' : describeOutput(preRun) }).toEqual({
      state: Object.fromEntries(CRASHING.map((lib) => [lib, { status: 'passed', coverage: true }])),
      output: '',
    });
  });

  it('the official test target dies with them: Jest wrote no JSON for exitlib and killlib', () => {
    const failed = tasksOf(officialTest).filter((t) => t.status === 'failure').map((t) => t.id);
    expect({ exitlib: officialJest(RW.exit) === undefined, killlib: officialJest(RW.kill) === undefined, failed: failed.filter((id) => id.endsWith(':test')) }).toEqual({
      exitlib: true,
      killlib: true,
      failed: expect.arrayContaining([`${rw.project(RW.exit)}:test`, `${rw.project(RW.kill)}:test`]),
    });
  });

  it('each crash leaves an error result of this run naming the cause, with no coverage', () => {
    const seen = Object.fromEntries(
      CRASHING.map((lib) => {
        const test = run1Tests[lib];
        const coverage = existsSync(join(rw.dir, RESULTS, 'packages', lib, 'coverage-final.json'));
        return [lib, test && { status: test.status, code: test.error?.code, taskHashChanged: test.taskHash !== undefined && test.taskHash !== preResults[lib]?.taskHash, coverage }];
      }),
    );
    // README: "a test that calls process.exit leaves TASK_PROCESS_EXITED with the exit code"; coverage
    // files "live and die with their result", the INVALID_OPTIONS one included.
    expect(seen).toEqual({
      [RW.exit]: { status: 'error', code: 'TASK_PROCESS_EXITED', taskHashChanged: true, coverage: false },
      [RW.kill]: { status: 'error', code: 'TEST_WORKER_DIED', taskHashChanged: true, coverage: false },
      [RW.badOptions]: { status: 'error', code: 'INVALID_OPTIONS', taskHashChanged: true, coverage: false },
    });
    const kill = run1Tests[RW.kill]?.error?.message ?? '';
    const bad = run1Tests[RW.badOptions]?.error?.message ?? '';
    expect({ killSignal: kill.includes('SIGKILL'), badOptionNamed: /coverage/.test(bad) && /boolean/.test(bad) }).toEqual({ killSignal: true, badOptionNamed: true });
  });

  it('the report never shows an earlier or failed result as a passing current one; their gates fail and their coverage is left out', () => {
    const report = run1Report;
    expect(report).toBeDefined();
    if (!report) return;
    const rows = CRASHING.map((lib) => report.projects.find((p) => p.name === rw.project(lib)));
    const seen = rows.map((row, i) => ({
      project: rw.project(CRASHING[i]!),
      test: row && { origin: row.results['test']?.origin, status: row.results['test']?.status },
      gate: row?.gate.status,
      coverageLeftOut: report.coverageLeftOut.some((c) => c.project === rw.project(CRASHING[i]!)),
    }));
    expect(seen).toEqual(
      CRASHING.map((lib) => ({ project: rw.project(lib), test: { origin: 'fresh', status: 'error' }, gate: 'failed', coverageLeftOut: true })),
    );
    const merged = istanbulTotals(join(rw.dir, REPORT_DIR, 'coverage-final.json'));
    expect(merged.files.filter((file) => CRASHING.some((lib) => file.startsWith(`packages/${lib}/`)))).toEqual([]);
  });

  it('the other projects’ results are intact: status of their own run, this run’s task hash', () => {
    const seen = Object.fromEntries(COMPLETING.map((lib) => [lib, run1Tests[lib] && { status: run1Tests[lib].status, hasHash: run1Tests[lib].taskHash !== undefined }]));
    expect(seen).toEqual({
      [RW.control]: { status: 'passed', hasHash: true },
      [RW.env]: { status: 'passed', hasHash: true },
      [RW.tsjest]: { status: 'failed', hasHash: true },
      [RW.big]: { status: 'failed', hasHash: true },
    });
  });
});

describe('nx run-many -t quality: exit 1, every failing gate listed, warm rerun all cache hits', () => {
  // Issue 15 "Done when", for every pattern (the process.exit and SIGKILL ones included): exit 1 with
  // every gate listed, a quality.json for every project, a warm rerun all cache hits.
  it('exits 1 and every task succeeds (the gates judge)', () => {
    const notSucceeded = run1Tasks.filter((t) => t.status !== 'success').map((t) => `${t.id}: ${t.status}`).sort();
    expect({ exitCode: run1.code, notSucceeded }).toEqual({ exitCode: 1, notSucceeded: [] });
  });

  it('every project with a quality target wrote quality.json, and the output lists every violation of the failing ones', () => {
    // On Nx 23 the quality target runs on the tool executor (`tool: 'quality'`), in the tools' batch.
    const withQuality = Object.keys(graphTargets)
      .filter((p) => graphTargets[p]?.['quality']?.executor === `${PLUGIN}:tool` && graphTargets[p]?.['quality']?.options?.['tool'] === 'quality')
      .sort();
    expect(withQuality).toEqual([...LINTED.map((lib) => rw.project(lib)), RW_DEFAULTED.name].sort());
    const passing = LINTED.filter((lib) => !(FAILING_GATES as readonly string[]).includes(lib));
    expect([
      ...passing.map((lib) => `${rw.project(lib)}: ${readResult(lib, 'quality.json', QualityResultSchema)?.status ?? 'no quality.json'}`),
      `${RW_DEFAULTED.name}: ${readResultAt(RW_DEFAULTED.root, 'quality.json', QualityResultSchema)?.status ?? 'no quality.json'}`,
    ]).toEqual([...passing.map((lib) => `${rw.project(lib)}: passed`), `${RW_DEFAULTED.name}: passed`]);
    expect(violationsNotListed(run1, FAILING_GATES, run1Start)).toEqual([]);
  });

  it('report.json fails exactly the failing projects; report.md never mentions the excluded projects', () => {
    const report = run1Report;
    expect(report).toBeDefined();
    if (!report) return;
    const failing = report.projects.filter((p) => p.gate.status !== 'passed').map((p) => p.name).sort();
    expect({ failing, rows: report.projects.map((p) => p.name).sort() }).toEqual({
      failing: FAILING_GATES.map((lib) => rw.project(lib)).sort(),
      rows: [...LINTED.map((lib) => rw.project(lib)), RW_DEFAULTED.name].sort(),
    });
    const markdown = readFileSync(join(rw.dir, REPORT_DIR, 'report.md'), 'utf8');
    expect(Object.values(RW_EXCLUDED).filter(({ name, root }) => markdown.includes(name) || markdown.includes(root)).map(({ name }) => name)).toEqual([]);
    // report.md names the failing tests of tsjest and the lint error of bigsuite.
    expect({ tsjestTest: markdown.includes('doubles on purpose wrongly'), bigsuiteLint: /bigsuite\.ts:2\b[^\n]*prefer-const/.test(markdown) }).toEqual({ tsjestTest: true, bigsuiteLint: true });
  });

  it('the warm rerun runs the same tasks, all cache hits, exits 1 and lists the same violations', () => {
    expect(run2Tasks.map((t) => t.id).sort()).toEqual(run1Tasks.map((t) => t.id).sort());
    expect(run2Tasks.filter((t) => !isCacheHit(t)).map((t) => `${t.id}: ${t.status}`).sort()).toEqual([]);
    expect(run2.code).toBe(1);
    // Restored from the cache, quality.json keeps the first run's time.
    expect(violationsNotListed(run2, FAILING_GATES, run1Start)).toEqual([]);
  });

  it('the warm rerun labels no crashed or earlier result as a passing one', () => {
    const report = run2Report;
    expect(report).toBeDefined();
    if (!report) return;
    const crashed = CRASHING.map((lib) => {
      const state = report.projects.find((p) => p.name === rw.project(lib))?.results['test'];
      return `${rw.project(lib)}: ${state?.status === 'passed' ? 'passed' : 'not passed'}, gate ${report.projects.find((p) => p.name === rw.project(lib))?.gate.status}`;
    });
    expect(crashed).toEqual(CRASHING.map((lib) => `${rw.project(lib)}: not passed, gate failed`));
  });
});

describe(`${RW.declared}: a changed lintFilePatterns of the declared target re-runs quality-lint`, () => {
  let before: LintResult | undefined;
  let after: LintResult | undefined;
  let rerun: CommandResult;
  beforeAll(async () => {
    before = readResult(RW.declared, 'lint.json', LintResultSchema);
    // src/generated joins the selection: its file and its two errors (prefer-const, no-debugger).
    writeDeclaredLintPatterns(rw.dir, [...DECLARED_LINT_PATTERNS, '{projectRoot}/src/generated']);
    commitAll(rw.dir, 'declared lint selects src/generated');
    rerun = await timePhase(`nx run ${RW.declared}:quality-lint (changed lintFilePatterns)`, () => nx(['run', `${rw.project(RW.declared)}:quality-lint`]));
    after = readResult(RW.declared, 'lint.json', LintResultSchema);
    writeDeclaredLintPatterns(rw.dir, [...DECLARED_LINT_PATTERNS]);
    commitAll(rw.dir, 'declared lint patterns restored');
  });

  it('runs under a new task hash (not replayed from the cache) and lints the newly selected folder', () => {
    const counts = (lint: LintResult | undefined) => lint && { files: lint.counts.filesLinted, errors: lint.counts.errors, rules: Object.keys(lint.rules).sort() };
    expect({
      exitCode: rerun.code,
      newHash: before?.taskHash !== undefined && after?.taskHash !== undefined && after.taskHash !== before.taskHash,
      before: counts(before),
      after: counts(after),
    }).toEqual({
      exitCode: 1,
      newHash: true,
      before: { files: DECLARED_LINTED_FILES, errors: 0, rules: [] },
      after: { files: DECLARED_LINTED_FILES + 1, errors: 2, rules: ['no-debugger', 'prefer-const'] },
    });
  });

  it("the after-run report does not show the quality run's gate beside the newer lint result: not evaluated, and says why", () => {
    const output = `${rerun.stdout}\n${rerun.stderr}`;
    const report = readReport();
    const declared = report?.projects.find((p) => p.name === rw.project(RW.declared));
    expect({
      summary: output.includes(`gates not evaluated on the current results (a tool ran again without the quality target): ${rw.project(RW.declared)};`),
      gate: declared?.gate.status,
      reason: declared?.gate.reason,
    }).toEqual({
      summary: true,
      gate: 'not-evaluated',
      reason: `Gate not evaluated on the current results: lint.json of project ${rw.project(RW.declared)} was written after its quality.json judged the project; run its quality target.`,
    });
  });
});

describe('init --replaceOfficial on the same workspace', () => {
  let replace: CommandResult;
  let after: { test: string[]; lint: string[] };
  let judged: CommandResult;
  let jsonTest: TestResult | undefined;
  beforeAll(async () => {
    // badopts' project.json sets options of quality-test, a name --replaceOfficial retires.
    removeInvalidOption(rw.dir);
    commitAll(rw.dir, 'invalid option removed');
    replace = await timePhase('nx g @nx-quality/plugin:init --replaceOfficial', () =>
      runCommand(workspaceBin(rw.dir, 'nx'), ['g', '@nx-quality/plugin:init', '--replaceOfficial', '--no-interactive'], { cwd: rw.dir, check: false, env: rw.nxEnv }),
    );
    after = await timePhase('nx show projects -t test / -t lint (after --replaceOfficial)', () => ({ test: showProjects('test'), lint: showProjects('lint') }));
    // Run on their own (no quality target), our test/lint targets fail like the official ones.
    judged = await timePhase('nx run-many -t test lint (replaced targets)', () =>
      nx(['run-many', '-t', 'test', 'lint', `--projects=${[RW.control, RW.tsjest, RW.big, RW.json].map((lib) => rw.project(lib)).join(',')}`]),
    );
    jsonTest = readResult(RW.json, 'test.json', TestResultSchema);
  });

  it('succeeds', () => {
    expect({ exitCode: replace.code, output: replace.code === 0 ? '' : describeOutput(replace) }).toEqual({ exitCode: 0, output: '' });
  });

  // Issue 15: "--replaceOfficial on that workspace leaves nx show projects -t test (and -t lint) exactly
  // the set the official plugins gave" (@nx/jest/plugin never gave jsonlib one: it does not glob jest.config.json).
  // defaulted's own unit-test and eslint are no plugin's: ours stand beside them under our targets' names.
  it(`nx show projects -t test and -t lint list exactly the projects the official plugins gave them, and ${RW_DEFAULTED.name} (beside its own targets)`, () => {
    expect(after).toEqual({ test: [...official.test, RW_DEFAULTED.name].sort(), lint: [...official.lint, RW_DEFAULTED.name].sort() });
  });

  it('nx run-many -t test lint (no quality target) fails on failing tests and lint errors, as the official targets did', () => {
    const status = (lib: string, target: string) => tasksOf(judged).find((t) => t.id === `${rw.project(lib)}:${target}`)?.status;
    expect({
      exitCode: judged.code,
      [`${RW.control}:test`]: status(RW.control, 'test'),
      [`${RW.tsjest}:test`]: status(RW.tsjest, 'test'),
      [`${RW.big}:test`]: status(RW.big, 'test'),
      [`${RW.big}:lint`]: status(RW.big, 'lint'),
      [`${RW.tsjest}:lint`]: status(RW.tsjest, 'lint'),
    }).toEqual({
      exitCode: 1,
      [`${RW.control}:test`]: 'success',
      [`${RW.tsjest}:test`]: 'failure',
      [`${RW.big}:test`]: 'failure',
      [`${RW.big}:lint`]: 'failure',
      [`${RW.tsjest}:lint`]: 'success',
    });
  });

  it(`${RW.json}: where our test executor runs its jest.config.json, the counts equal Jest's own`, () => {
    // Only reachable when inference gives jsonlib a test target (which the set check above forbids);
    // then its numbers must still be Jest's.
    if (!jsonTest) return;
    const ref = jestReference(rw.dir, `packages/${RW.json}`);
    const m = new Mismatches(rw.project(RW.json));
    m.eq('test.counts', jsonTest.counts, ref.counts, 'jest --json (jest.config.json)');
    m.eq('test.failures', sortedFailures(jsonTest.failures), sortedFailures(ref.failedTests.map((f) => ({ file: f.file, fullName: [...f.ancestorTitles, f.title].join(' › ') }))), 'jest --json');
    if (jsonTest.coverage) m.eq('coverage totals', coverageNumbers(jsonTest.coverage.totals), coverageNumbers(ref.coverageTotals), 'jest json-summary');
    expect(m.list).toEqual([]);
  });
});
