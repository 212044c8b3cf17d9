// The tools' own answers on the same code, computed the way a user would on the command line.
// Each e2e assertion compares one of our recorded numbers with one of these.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import libCoverage from 'istanbul-lib-coverage';
import { describeOutput, runCommand, workspaceBin } from './run-command';

/** Istanbul's four totals, as `json-summary` writes them. */
export interface CoverageTotals {
  lines: { total: number; covered: number; pct: number };
  statements: { total: number; covered: number; pct: number };
  functions: { total: number; covered: number; pct: number };
  branches: { total: number; covered: number; pct: number };
}

/** Test counts as a runner itself reports them. */
export interface ReferenceCounts {
  total: number;
  passed: number;
  failed: number;
  skipped: number;
  todo: number;
}

export interface JestReference {
  counts: ReferenceCounts;
  /** Test files that could not run (Jest's numRuntimeErrorTestSuites). */
  suitesErrored: number;
  failedTests: { file: string; ancestorTitles: string[]; title: string }[];
  coverageTotals: CoverageTotals;
  coverageFiles: string[];
}

/** Major version of the TypeScript a workspace has installed (0 when none). */
function typescriptMajor(workspace: string): number {
  const manifest = join(workspace, 'node_modules/typescript/package.json');
  return existsSync(manifest) ? Number((JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version.split('.')[0]) : 0;
}

/**
 * ts-node options under which plain `jest` can load a create-nx-workspace project's jest.config.cts:
 * ts-node compiles it as CommonJS, which the workspace's nodenext/customConditions settings reject
 * (TS5110, TS5098), as TypeScript 6 rejects its defaults. The tests themselves go through the
 * project's own transform.
 */
function tsNodeEnvForJestConfig(workspace: string): Record<string, string> {
  const compilerOptions =
    typescriptMajor(workspace) >= 6 ? { module: 'preserve', moduleResolution: 'bundler' } : { module: 'commonjs', moduleResolution: 'node10', customConditions: null };
  return { TS_NODE_TRANSPILE_ONLY: 'true', TS_NODE_COMPILER_OPTIONS: JSON.stringify(compilerOptions) };
}

/**
 * `jest --json --coverage` in the project folder, its jest.config.cts loaded as
 * {@link tsNodeEnvForJestConfig} says unless `tsNodeEnv` replaces that (e.g. with the official test
 * target's own ts-node options).
 */
export function jestReference(workspace: string, projectRoot: string, extraArgs: string[] = [], tsNodeEnv?: Record<string, string>): JestReference {
  const out = mkdtempSync(join(tmpdir(), 'nxq-ref-jest-'));
  try {
    const result = runCommand(
      workspaceBin(workspace, 'jest'),
      [
        '--ci',
        '--json',
        `--outputFile=${join(out, 'jest.json')}`,
        '--coverage',
        '--coverageReporters=json-summary',
        '--coverageReporters=json',
        `--coverageDirectory=${out}`,
        ...extraArgs,
      ],
      {
        cwd: join(workspace, projectRoot),
        check: false,
        env: tsNodeEnv ?? tsNodeEnvForJestConfig(workspace),
      },
    );
    if (!existsSync(join(out, 'jest.json'))) throw new Error(`reference jest run wrote no JSON for ${projectRoot}\n${describeOutput(result)}`);
    return readJestReference(workspace, join(out, 'jest.json'), join(out, 'coverage-summary.json'));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** Jest's own `--json` output and its `json-summary` coverage read as a {@link JestReference}. */
export function readJestReference(workspace: string, jsonFile: string, coverageSummaryFile: string): JestReference {
  const json = JSON.parse(readFileSync(jsonFile, 'utf8')) as {
    numTotalTests: number;
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
    numRuntimeErrorTestSuites?: number;
    testResults: { name: string; assertionResults: { ancestorTitles: string[]; title: string; status: string }[] }[];
  };
  if (!existsSync(coverageSummaryFile)) throw new Error(`jest wrote ${jsonFile} but no coverage summary at ${coverageSummaryFile}`);
  const summary = JSON.parse(readFileSync(coverageSummaryFile, 'utf8')) as Record<string, CoverageTotals>;
  const prefix = `${workspace}/`;
  return {
    counts: {
      total: json.numTotalTests,
      passed: json.numPassedTests,
      failed: json.numFailedTests,
      skipped: json.numPendingTests,
      todo: json.numTodoTests,
    },
    suitesErrored: json.numRuntimeErrorTestSuites ?? 0,
    failedTests: json.testResults.flatMap((file) =>
      file.assertionResults
        .filter((t) => t.status === 'failed')
        .map((t) => ({ file: file.name.replace(prefix, ''), ancestorTitles: t.ancestorTitles, title: t.title })),
    ),
    coverageTotals: summary.total,
    coverageFiles: Object.keys(summary)
      .filter((k) => k !== 'total')
      .map((k) => k.replace(prefix, ''))
      .sort(),
  };
}

export interface EslintReference {
  errors: number;
  warnings: number;
  fixableErrors: number;
  fixableWarnings: number;
  filesLinted: number;
  /** Messages per rule id; rule-less messages under `(unused-disable-directive)`, `(parse-error)` or `(no-rule)`. */
  rules: Record<string, { errors: number; warnings: number }>;
}

/** `eslint --format json .` in the project folder (where the project's own flat config is found). */
export function eslintReference(workspace: string, projectRoot: string): EslintReference {
  const result = runCommand(workspaceBin(workspace, 'eslint'), ['--format', 'json', '.'], { cwd: join(workspace, projectRoot), check: false });
  if (result.code > 1) throw new Error(`reference eslint run crashed on ${projectRoot}\n${describeOutput(result)}`);
  return readEslintReference(result.stdout);
}

/** ESLint's own `--format json` output read as an {@link EslintReference}. */
export function readEslintReference(jsonText: string): EslintReference {
  const files = JSON.parse(jsonText) as {
    errorCount: number;
    warningCount: number;
    fixableErrorCount: number;
    fixableWarningCount: number;
    messages: { ruleId: string | null; severity: number; fatal?: boolean; message: string }[];
  }[];
  const rules: EslintReference['rules'] = {};
  for (const file of files) {
    for (const m of file.messages) {
      const id =
        m.ruleId ?? (m.fatal ? '(parse-error)' : /eslint-disable|eslint-enable|directive/i.test(m.message) ? '(unused-disable-directive)' : '(no-rule)');
      rules[id] ??= { errors: 0, warnings: 0 };
      if (m.severity === 2) rules[id].errors++;
      else rules[id].warnings++;
    }
  }
  const sum = (key: 'errorCount' | 'warningCount' | 'fixableErrorCount' | 'fixableWarningCount') =>
    files.reduce((total, f) => total + f[key], 0);
  return {
    errors: sum('errorCount'),
    warnings: sum('warningCount'),
    fixableErrors: sum('fixableErrorCount'),
    fixableWarnings: sum('fixableWarningCount'),
    filesLinted: files.length,
    rules,
  };
}

export interface TscDiagnostic {
  file?: string;
  line?: number;
  column?: number;
  code: string;
  message: string;
}

export interface TscReference {
  /** Every error tsc -b printed, cascades included. */
  all: TscDiagnostic[];
  /** Without TS6305 ("output file has not been built"), the cascade a failing referenced project causes. */
  root: TscDiagnostic[];
}

/**
 * `tsc -b --force` on the project's solution tsconfig, as Nx's own typecheck target does: it follows
 * the references. It writes declarations only into git-ignored output folders (dist, out-tsc), which
 * are not Nx inputs.
 */
export function tscReference(workspace: string, projectRoot: string): TscReference {
  const result = runCommand(workspaceBin(workspace, 'tsc'), ['-b', '--force', '--pretty', 'false', `${projectRoot}/tsconfig.json`], {
    cwd: workspace,
    check: false,
  });
  const all: TscDiagnostic[] = [];
  for (const line of result.stdout.split('\n')) {
    const located = /^(.+)\((\d+),(\d+)\): error (TS\d+): (.*)$/.exec(line);
    const bare = /^error (TS\d+): (.*)$/.exec(line);
    if (located) all.push({ file: located[1], line: Number(located[2]), column: Number(located[3]), code: located[4], message: located[5] });
    else if (bare) all.push({ code: bare[1], message: bare[2] });
  }
  if (result.code !== 0 && all.length === 0) throw new Error(`reference tsc -b failed without diagnostics on ${projectRoot}\n${describeOutput(result)}`);
  return { all, root: all.filter((d) => d.code !== 'TS6305') };
}

/** Counts from the summary Node's test runner prints itself (`# tests N`, `# pass N`, …). */
export function nodeTestReference(workspace: string, projectRoot: string): ReferenceCounts {
  const result = runCommand('node', ['--test', '--test-reporter=tap'], { cwd: join(workspace, projectRoot), check: false });
  const read = (label: string) => {
    const match = new RegExp(`^# ${label} (\\d+)$`, 'm').exec(result.stdout);
    if (!match) throw new Error(`node --test printed no "# ${label}" line in ${projectRoot}\n${describeOutput(result)}`);
    return Number(match[1]);
  };
  // "# tests" is pass + fail + skipped + todo (+ cancelled, counted as failed by the runner's exit code).
  return { total: read('tests'), passed: read('pass'), failed: read('fail') + read('cancelled'), skipped: read('skipped'), todo: read('todo') };
}

/** `c8 node --test` with c8's json-summary: its totals and covered files. */
export function c8Reference(workspace: string, projectRoot: string): { totals: CoverageTotals; files: string[] } {
  const out = mkdtempSync(join(tmpdir(), 'nxq-ref-c8-'));
  try {
    const result = runCommand(workspaceBin(workspace, 'c8'), ['--reporter=json-summary', `--report-dir=${out}`, 'node', '--test'], {
      cwd: join(workspace, projectRoot),
      check: false,
    });
    let summary: Record<string, CoverageTotals>;
    try {
      summary = JSON.parse(readFileSync(join(out, 'coverage-summary.json'), 'utf8'));
    } catch {
      throw new Error(`reference c8 run wrote no summary for ${projectRoot}\n${describeOutput(result)}`);
    }
    return {
      totals: summary.total,
      files: Object.keys(summary)
        .filter((k) => k !== 'total')
        .map((k) => k.replace(`${workspace}/`, ''))
        .sort(),
    };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

export interface VitestReference {
  counts: ReferenceCounts;
  failedTests: { file: string; ancestorTitles: string[]; title: string }[];
  /** Istanbul's totals of the coverage map Vitest's json reporter wrote, and its files (workspace-relative). */
  coverageTotals: CoverageTotals;
  coverageFiles: string[];
}

/**
 * `vitest run --reporter=json --coverage` in the project folder, with coverage reported when tests
 * fail too (Vitest's reportOnFailure is off by default; the test executor turns it on).
 */
export function vitestReference(workspace: string, projectRoot: string): VitestReference {
  const out = mkdtempSync(join(tmpdir(), 'nxq-ref-vitest-'));
  try {
    const result = runCommand(
      workspaceBin(workspace, 'vitest'),
      ['run', '--reporter=json', `--outputFile=${join(out, 'vitest.json')}`, '--coverage', '--coverage.reportOnFailure', `--coverage.reportsDirectory=${join(out, 'coverage')}`],
      { cwd: join(workspace, projectRoot), check: false },
    );
    if (!existsSync(join(out, 'vitest.json'))) throw new Error(`reference vitest run wrote no JSON for ${projectRoot}\n${describeOutput(result)}`);
    const json = JSON.parse(readFileSync(join(out, 'vitest.json'), 'utf8')) as {
      numTotalTests: number;
      numPassedTests: number;
      numFailedTests: number;
      numPendingTests: number;
      numTodoTests: number;
      testResults: { name: string; assertionResults: { ancestorTitles: string[]; title: string; status: string }[] }[];
      coverageMap?: Record<string, unknown>;
    };
    if (!json.coverageMap) throw new Error(`vitest wrote ${projectRoot}'s JSON report without a coverage map\n${describeOutput(result)}`);
    const map = libCoverage.createCoverageMap(json.coverageMap as never);
    const prefix = `${workspace}/`;
    return {
      counts: { total: json.numTotalTests, passed: json.numPassedTests, failed: json.numFailedTests, skipped: json.numPendingTests, todo: json.numTodoTests },
      failedTests: json.testResults.flatMap((file) =>
        file.assertionResults
          .filter((t) => t.status === 'failed')
          .map((t) => ({ file: file.name.replace(prefix, ''), ancestorTitles: t.ancestorTitles, title: t.title })),
      ),
      coverageTotals: map.getCoverageSummary().toJSON() as unknown as CoverageTotals,
      coverageFiles: map.files().map((file) => file.replace(prefix, '')).sort(),
    };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** Istanbul's own totals of a coverage-final.json (what `istanbul report text-summary` prints). */
export function istanbulTotals(coverageFinalPath: string): { totals: CoverageTotals; files: string[] } {
  const map = libCoverage.createCoverageMap(JSON.parse(readFileSync(coverageFinalPath, 'utf8')));
  return { totals: map.getCoverageSummary().toJSON() as unknown as CoverageTotals, files: map.files().sort() };
}
