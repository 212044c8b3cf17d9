import type { HealthResult, TestResult } from '@nx-quality/core';
import { execFile } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyFixture } from '../test-support/copy-fixture';
import { installEslintVersion } from '../test-support/install-eslint-version';
import { runInChild } from '../test-support/run-in-child';
import { healthOptionsSchema, type HealthOptions } from './health-options';
import { HEALTH_RULE_KINDS, TODO_RULE_ID } from './health-rule-kinds';

// ESLint loads plugins and configs with dynamic import(), which Jest's module sandbox does not support:
// the analysis and the ESLint CLI both run in child processes on copies of the fixtures.
jest.setTimeout(180_000);

const ANALYZE_MODULE = join(__dirname, 'analyze-health.ts');
const REPO_ROOT = join(__dirname, '../../../..');

async function analyze(workspaceRoot: string, root: string, raw: HealthOptions): Promise<HealthResult> {
  const project = { workspaceRoot, name: root.split('/').pop() ?? root, root, tags: [] };
  const { value } = await runInChild<HealthResult>(ANALYZE_MODULE, 'analyzeHealth', [project, healthOptionsSchema.parse(raw)]);
  return value;
}

interface CliFileResult {
  filePath: string;
  messages: { ruleId: string | null; fatal?: boolean }[];
}

/**
 * `eslint --format json -c <config using our health config>` on the project, as a user would run it;
 * ESLint 8 reads a flat config only with ESLINT_USE_FLAT_CONFIG=true.
 */
function runEslintCli(projectDir: string, raw: HealthOptions, eslintDir = join(REPO_ROOT, 'node_modules/eslint')): Promise<CliFileResult[]> {
  const configFile = join(projectDir, 'health.eslint.config.mjs');
  const optionsModule = JSON.stringify(join(__dirname, 'health-options.ts'));
  const configModule = JSON.stringify(join(__dirname, 'build-health-eslint-config.ts'));
  writeFileSync(
    configFile,
    `import { healthOptionsSchema } from ${optionsModule};\nimport { buildHealthEslintConfig } from ${configModule};\n` +
      `export default buildHealthEslintConfig(healthOptionsSchema.parse(${JSON.stringify(raw)}));\n`,
  );
  const eslintBin = join(eslintDir, 'bin/eslint.js');
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--conditions=@nx-quality/source', '--import', 'tsx', eslintBin, '--format', 'json', '-c', configFile, '.'],
      { cwd: projectDir, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, ESLINT_USE_FLAT_CONFIG: 'true' } },
      (error, stdout, stderr) => {
        // Exit code 1 is expected: the parse error is a severity-2 message.
        if (stdout.trim().startsWith('[')) resolve(JSON.parse(stdout) as CliFileResult[]);
        else reject(new Error(`eslint CLI failed: ${error?.message}\n${stderr}`));
      },
    );
  });
}

// ESLint 8.57.1 (installed into <repo>/tmp, linked into the copy) in a workspace linting with eslintrc,
// as Nx 22 sets one up: the health config is flat and runs through 8.57's flat class all the same.
describe.each([
  ['ESLint 10', undefined],
  ['ESLint 8.57.1 in an eslintrc workspace', () => installEslintVersion('8.57.1', '8.57.1')],
])('analyzeHealth on the health-counts fixture (numbers hand-counted in its README) with %s', (_label, eslintDir) => {
  const raw: HealthOptions = { maxFileLines: 40, maxFunctionLines: 10, maxComplexity: 4, errorBaseClass: 'AppError', fanInScope: 'project' };
  let fixture: { dir: string; cleanup: () => void };
  let result: HealthResult;
  let cli: CliFileResult[];

  beforeAll(async () => {
    fixture = copyFixture(join(__dirname, '__fixtures__/health-counts'), 'health-counts');
    const eslint = eslintDir?.();
    if (eslint) {
      mkdirSync(join(fixture.dir, 'node_modules'), { recursive: true });
      symlinkSync(eslint, join(fixture.dir, 'node_modules/eslint'), 'dir');
      writeFileSync(join(fixture.dir, '.eslintrc.json'), JSON.stringify({ root: true, rules: { 'no-console': 'error' } }));
    }
    result = await analyze(fixture.dir, 'libs/demo', raw);
    if (eslint) expect(result.tool.version).toContain('eslint@8.57.1 ');
    cli = await runEslintCli(join(fixture.dir, 'libs/demo'), raw, eslint);
  });
  afterAll(() => fixture.cleanup());

  it('counts every finding exactly', () => {
    expect(result.status).toBe('passed');
    expect(result.counts).toEqual({
      genericCatches: 4,
      bareThrows: 3,
      explicitAny: 3,
      longFiles: 1,
      longFunctions: 2,
      complexFunctions: 1,
      todos: 8,
      assertionFreeTests: 2,
      skippedTests: 2,
      focusedTests: 1,
      parseErrors: 1,
      untestedModules: 3,
      indirectlyTestedModules: 1,
    });
    expect(result.sourceFiles).toBe(7);
    expect(result.mockCalls).toBe(3);
    expect(result.findings).toHaveLength(20);
    expect(result.findingsOmitted).toBe(0);
  });

  it('has the same ESLint-derived numbers as the eslint CLI with the same config on the same files', () => {
    const fromCli: Record<string, number> = {};
    const fatalFiles = new Set<string>();
    for (const file of cli) {
      for (const message of file.messages) {
        if (message.fatal) fatalFiles.add(file.filePath);
        const key = message.ruleId === TODO_RULE_ID ? 'todos' : message.ruleId ? HEALTH_RULE_KINDS[message.ruleId]?.count : undefined;
        if (key) fromCli[key] = (fromCli[key] ?? 0) + 1;
      }
    }
    expect(cli).toHaveLength(10);
    const fromAnalysis = Object.fromEntries(Object.keys(fromCli).map((key) => [key, result.counts[key as keyof HealthResult['counts']]]));
    expect(fromAnalysis).toEqual(fromCli);
    expect(Object.keys(fromCli).sort()).toEqual([...Object.values(HEALTH_RULE_KINDS).map((kind) => kind.count), 'todos'].sort());
    expect(result.counts.parseErrors).toBe(fatalFiles.size);
  });

  it('reports the file that does not parse as a parseError finding, not a crash', () => {
    expect(result.findings.filter((finding) => finding.kind === 'parseError')).toEqual([
      { kind: 'parseError', file: 'libs/demo/src/broken.ts', line: 1, column: 21, message: expect.stringContaining('Parsing error') },
    ]);
  });

  it('locates findings with workspace-relative paths and rule ids', () => {
    expect(result.findings.filter((finding) => finding.kind === 'bareThrow').map((f) => [f.file, f.line, f.column])).toEqual([
      ['libs/demo/src/throws.ts', 4, 18],
      ['libs/demo/src/throws.ts', 9, 20],
      ['libs/demo/src/throws.ts', 19, 28],
    ]);
    expect(result.findings.filter((finding) => finding.kind === 'genericCatch').map((f) => f.line)).toEqual([6, 14, 22, 35]);
  });

  it('categorises the TODO comments ESLint found, with their full text', () => {
    expect(result.todos.map((todo) => [todo.line, todo.tag, todo.category, todo.text])).toEqual([
      [1, 'TODO', 'security', 'sanitize user input before rendering (XSS)'],
      [2, 'FIXME', 'performance', 'this loop is slow on large inputs'],
      [3, 'HACK', 'bug', 'crash when the list is empty'],
      [4, 'XXX', 'documentation', 'document the return value'],
      [5, 'TODO', 'refactor', 'refactor into smaller helpers'],
      [6, 'TODO', 'feature', 'support pagination'],
      [7, 'TODO', 'other', 'ask the team'],
      [11, 'TODO', 'documentation', 'explain the retry policy'],
    ]);
    expect(result.todosByCategory).toEqual({ security: 1, performance: 1, bug: 1, feature: 1, refactor: 1, documentation: 2, other: 1 });
  });

  it('classifies test files into kinds, with declared test calls and jest.mock calls', () => {
    expect(result.testFiles).toEqual([
      { file: 'libs/demo/src/catches.spec.ts', kind: 'unit', tests: 4, mockCalls: 1 },
      { file: 'libs/demo/tests/integration/throws.int.spec.ts', kind: 'integration', tests: 3, mockCalls: 2 },
      { file: 'libs/demo/tests/security/any.spec.ts', kind: 'security', tests: 1, mockCalls: 0 },
    ]);
    expect(result.testKinds).toEqual({
      unit: { files: 1, tests: 4 },
      integration: { files: 1, tests: 3 },
      e2e: { files: 0, tests: 0 },
      security: { files: 1, tests: 1 },
      performance: { files: 0, tests: 0 },
    });
  });
});

describe('analyzeHealth untested modules on the untested-graph fixture (aliases, barrels, cycles, type-only imports)', () => {
  let fixture: { dir: string; cleanup: () => void };
  beforeAll(() => {
    fixture = copyFixture(join(__dirname, '__fixtures__/untested-graph'), 'untested-graph');
  });
  afterAll(() => fixture.cleanup());

  const ranking = (result: HealthResult): string[] =>
    result.untestedModules.map((entry) => `${entry.file.replace('libs/app/src/', '')} ${entry.fanIn} ${entry.lines} ${entry.reachedIndirectly ? 'indirect' : 'untested'}`);

  it('ranks by workspace-wide fan-in, then size, then path', async () => {
    // A test.json beside the project must change nothing: health does not depend on the test target.
    const resultsDir = join(fixture.dir, 'dist/quality/libs/app');
    mkdirSync(resultsDir, { recursive: true });
    writeFileSync(join(resultsDir, 'test.json'), JSON.stringify(testResultWithCoverage([['libs/app/src/helpers.ts', 37.5]])));
    const result = await analyze(fixture.dir, 'libs/app', { fanInScope: 'workspace' });
    expect(result.counts.untestedModules).toBe(3);
    expect(result.counts.indirectlyTestedModules).toBe(4);
    expect(ranking(result)).toEqual([
      'helpers.ts 3 9 untested',
      'typed-only.ts 2 8 untested',
      'cycle-a.ts 2 5 indirect',
      'store.ts 1 6 indirect',
      'cache.ts 1 3 indirect',
      'cycle-b.ts 1 3 indirect',
      'orphan.ts 0 3 untested',
    ]);
    expect(result.untestedModules[0]).toEqual({ file: 'libs/app/src/helpers.ts', fanIn: 3, lines: 9, reachedIndirectly: false });
    // engine.spec.ts declares one test; the executed count (5 in that test.json) is the report's to join
    expect(result.testFiles.find((file) => file.file.endsWith('engine.spec.ts'))?.tests).toBe(1);
  });

  it('counts only the project itself with fanInScope "project", and caps the list at untestedTopN', async () => {
    const result = await analyze(fixture.dir, 'libs/app', { fanInScope: 'project', untestedTopN: 3 });
    expect(ranking(result)).toEqual(['helpers.ts 2 9 untested', 'cycle-a.ts 2 5 indirect', 'typed-only.ts 1 8 untested']);
    expect(result.counts.untestedModules + result.counts.indirectlyTestedModules).toBe(7);
  });
});

function testResultWithCoverage(files: [string, number][]): TestResult {
  const metric = (pct: number) => ({ total: 8, covered: Math.round((pct / 100) * 8), skipped: 0, pct });
  const summary = (pct: number) => ({ lines: metric(pct), statements: metric(pct), functions: metric(pct), branches: metric(pct) });
  const counts = { total: 5, passed: 5, failed: 0, skipped: 0, todo: 0 };
  return {
    kind: 'test',
    schemaVersion: 1,
    project: 'app',
    projectRoot: 'libs/app',
    status: 'passed',
    startedAt: '2026-01-01T00:00:00.000Z',
    durationMs: 1,
    tool: { name: 'jest', version: '30.3.0' },
    runner: 'jest',
    counts,
    suites: { total: 1, passed: 1, failed: 0, errored: 0 },
    failures: [],
    failuresOmitted: 0,
    files: [{ file: 'libs/app/src/engine.spec.ts', status: 'passed', counts, durationMs: 1, tests: [] }],
    coverage: {
      totals: summary(50),
      files: files.map(([file, pct]) => ({ file, ...summary(pct) })),
      coverageFile: 'dist/quality/libs/app/coverage-final.json',
      thresholdViolations: [],
    },
  };
}
