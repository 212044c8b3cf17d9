// Hand-built results of a small workspace, including hostile strings, for the renderer specs.
import { judgeProject, type JudgeProjectInput, zeroHealthCounts, type HealthResult, type LintResult, type QualityConfig, type QualityResult, type ResultKind, type TestResult, type TypecheckResult } from '../index';
import type { ReportProjectInput, ReportResultInput } from '../report/report-inputs';

/** A test name carrying everything a renderer must neutralise. */
export const HOSTILE_NAME = 'renders <script>window.__pwned = 1</script> | `tick` **bold** \u001b[31mred\u001b[0m\nsecond line <img src=x onerror="window.__pwned=2">';

const header = (project: string, root: string) => ({
  schemaVersion: 1 as const,
  project,
  projectRoot: root,
  startedAt: '2026-01-02T03:04:05.000Z',
  durationMs: 1234,
});

const coverage = (pct: number, total = 100) => {
  const covered = Math.round((pct / 100) * total);
  const m = { total, covered, skipped: 0, pct: Math.round((covered / total) * 10000) / 100 };
  return { lines: m, statements: m, functions: m, branches: m };
};

/** Test result of a project with one failing test whose name and message are hostile. */
export function testResult(project: string, root: string, opts: { failed?: number; pct?: number; coverageFile?: string } = {}): TestResult {
  const failed = opts.failed ?? 0;
  const file = `${root}/src/a.spec.ts`;
  return {
    kind: 'test',
    ...header(project, root),
    status: failed ? 'failed' : 'passed',
    tool: { name: 'jest', version: '30.3.0' },
    runner: 'jest',
    counts: { total: 3 + failed, passed: 2, failed, skipped: 1, todo: 0 },
    suites: { total: 1, passed: failed ? 0 : 1, failed: failed ? 1 : 0, errored: 0 },
    failures: failed
      ? [{ file, fullName: HOSTILE_NAME, message: 'expect(received).toBe(expected) <b>&amp;</b>\n\nExpected: 1\nReceived: 2 \u0007', line: 7, column: 5 }]
      : [],
    failuresOmitted: 0,
    files: [
      {
        file,
        status: failed ? 'failed' : 'passed',
        counts: { total: 3 + failed, passed: 2, failed, skipped: 1, todo: 0 },
        durationMs: 30,
        tests: [
          { fullName: 'a › adds', status: 'passed', durationMs: 3 },
          { fullName: 'a › subtracts', status: 'passed', durationMs: 2 },
          { fullName: 'a › later', status: 'skipped' },
          ...(failed ? [{ fullName: HOSTILE_NAME, status: 'failed' as const, durationMs: 5 }] : []),
        ],
      },
    ],
    coverage: {
      totals: coverage(opts.pct ?? 90),
      files: [{ file: `${root}/src/a.ts`, ...coverage(opts.pct ?? 90, 40) }],
      coverageFile: opts.coverageFile ?? `dist/quality/${root}/coverage-final.json`,
      thresholdViolations: [],
    },
  };
}

/** Lint result with `errors` errors and `warnings` warnings, each listed. */
export function lintResult(project: string, root: string, errors: number, warnings: number): LintResult {
  const messages = [
    ...Array.from({ length: errors }, (_, i) => ({
      file: `${root}/src/a.ts`,
      line: i + 1,
      column: 1,
      ruleId: i % 2 ? 'no-unused-vars' : '@typescript-eslint/no-explicit-any',
      severity: 'error' as const,
      message: `Unexpected any | \`x${i}\` <b>`,
      fixable: false,
    })),
    ...Array.from({ length: warnings }, (_, i) => ({
      file: `${root}/src/b c.ts`,
      line: i + 1,
      column: 2,
      ruleId: 'no-console',
      severity: 'warning' as const,
      message: 'Unexpected console statement.',
      fixable: false,
    })),
  ];
  const rules: LintResult['rules'] = {};
  for (const m of messages) {
    const count = (rules[m.ruleId] ??= { errors: 0, warnings: 0 });
    if (m.severity === 'error') count.errors += 1;
    else count.warnings += 1;
  }
  return {
    kind: 'lint',
    ...header(project, root),
    status: errors ? 'failed' : 'passed',
    tool: { name: 'eslint', version: '10.0.0' },
    counts: { errors, warnings, fixableErrors: 0, fixableWarnings: 0, fatal: 0, filesLinted: 4, filesWithProblems: messages.length ? 2 : 0 },
    rules,
    messages,
    messagesOmitted: 0,
    fixed: false,
  };
}

/** Typecheck result with `errors` TS2322 errors. */
export function typecheckResult(project: string, root: string, errors: number): TypecheckResult {
  return {
    kind: 'typecheck',
    ...header(project, root),
    status: errors ? 'failed' : 'passed',
    tool: { name: 'typescript', version: '6.0.3' },
    tsconfig: `${root}/tsconfig.json`,
    configs: [`${root}/tsconfig.lib.json`],
    counts: { errors, warnings: 0, filesChecked: 5 },
    codes: errors ? { TS2322: errors } : {},
    diagnostics: Array.from({ length: errors }, (_, i) => ({
      code: 'TS2322',
      category: 'error' as const,
      message: "Type 'string' is not assignable to type 'number'.",
      file: `${root}/src/a.ts`,
      line: 10 + i,
      column: 3,
      tsconfig: `${root}/tsconfig.lib.json`,
    })),
    diagnosticsOmitted: 0,
  };
}

/** Health result with unit/integration tests and one untested module. */
export function healthResult(project: string, root: string): HealthResult {
  return {
    kind: 'health',
    ...header(project, root),
    status: 'passed',
    tool: { name: 'nx-quality', version: '0.1.0' },
    counts: { ...zeroHealthCounts(), genericCatches: 2, bareThrows: 1, explicitAny: 3, longFunctions: 1, todos: 2, skippedTests: 1, untestedModules: 1 },
    findings: [],
    findingsOmitted: 0,
    todos: [],
    todosByCategory: {},
    testFiles: [],
    testKinds: { unit: { files: 1, tests: 3 }, integration: { files: 1, tests: 2 } },
    untestedModules: [{ file: `${root}/src/<evil>|mod.ts`, fanIn: 4, lines: 120, reachedIndirectly: false }],
    sourceFiles: 6,
  };
}

const FAMILIES: Record<ResultKind, string[]> = { test: ['tests', 'coverage'], lint: ['lint'], typecheck: ['typecheck'], health: ['health'] };

/**
 * The quality.json the project's quality target would have written on these tool results (as the
 * quality executor reads them: a missing or invalid file is a missing or invalid input), with
 * the given config (default: coverage lines ≥ 80) and `absent` kinds disabled.
 */
export function qualityResult(
  project: ReportProjectInput,
  opts: { origin?: ReportResultInput<QualityResult>['origin']; absent?: ResultKind[]; taskStatus?: string; config?: QualityConfig } = {},
): ReportResultInput<QualityResult> {
  const results: Record<string, unknown> = {};
  const inputs: QualityResult['inputs'] = {};
  const unknownReasons: Record<string, string> = {};
  const unusable: Partial<Record<ResultKind, { because: string; file: string }>> = {};
  const absent = opts.absent ?? [];
  for (const kind of ['test', 'lint', 'typecheck', 'health'] as const) {
    const input = project.results[kind];
    const file = input?.file ?? `dist/quality/${project.root}/${kind}.json`;
    if (absent.includes(kind) || !input) {
      inputs[kind] = { state: 'disabled', file };
      continue;
    }
    if (input.value && input.origin !== 'invalid' && input.origin !== 'missing') {
      results[kind] = input.value;
      inputs[kind] = { state: input.value.status === 'error' ? 'error' : 'ok', file };
      const error = input.value.status === 'error' ? input.value.error : undefined;
      if (error) {
        for (const family of FAMILIES[kind]) unknownReasons[family] = `${kind} could not run: ${error.message}`;
        unusable[kind] = { because: `error: ${error.code} ${error.message}`, file };
      }
      continue;
    }
    const state = input.origin === 'invalid' ? 'invalid' : 'missing';
    inputs[kind] = { state, file, detail: `${file} ${input.reason ?? state}` };
    for (const family of FAMILIES[kind]) unknownReasons[family] = `${kind} result ${state} at ${file}${input.reason && state === 'invalid' ? `: ${input.reason}` : ''}`;
    unusable[kind] = { because: `${state}: ${file} ${input.reason ?? state}`, file };
  }
  const judged = judgeProject({
    project: { name: project.name, tags: project.tags },
    results: results as JudgeProjectInput['results'],
    config: opts.config ?? { coverage: { lines: 80 } },
    absent: (['test', 'lint', 'typecheck', 'health'] as const).filter((kind) => inputs[kind]?.state === 'disabled'),
    unknownReasons,
    unusable,
  });
  return {
    origin: opts.origin ?? 'fresh',
    file: `dist/quality/${project.root}/quality.json`,
    ...(opts.taskStatus ? { taskStatus: opts.taskStatus } : {}),
    value: {
      kind: 'quality',
      schemaVersion: 1,
      project: project.name,
      projectRoot: project.root,
      status: judged.status,
      evaluatedAt: '2026-01-02T03:04:06.000Z',
      inputs,
      metrics: judged.metrics,
      conditions: judged.conditions,
      violations: judged.violations,
    },
  };
}

/** The project with the quality.json its quality target would have written (see `qualityResult`). */
export function withQuality(project: ReportProjectInput, opts: Parameters<typeof qualityResult>[1] = {}): ReportProjectInput {
  return { ...project, results: { ...project.results, quality: qualityResult(project, opts) } };
}

/** Four projects: failing (alpha), clean (beta), unreadable results (gamma), not run in this invocation (delta). */
export function sampleProjects(config?: QualityConfig): ReportProjectInput[] {
  const [alpha, beta, gamma, delta] = toolResultsOfSampleProjects();
  return [
    withQuality(alpha!, { config }),
    withQuality(beta!, { origin: 'cached', config }),
    withQuality(gamma!, { absent: ['typecheck', 'health'], config }),
    withQuality(delta!, { origin: 'not-run', absent: ['lint', 'typecheck', 'health'], config }),
  ];
}

/** The four projects' tool results alone, as located and read (no quality.json). */
function toolResultsOfSampleProjects(): ReportProjectInput[] {
  return [
    {
      name: 'alpha',
      root: 'packages/alpha',
      tags: ['scope:core'],
      projectFile: 'packages/alpha/project.json',
      results: {
        test: { origin: 'fresh', file: 'dist/quality/packages/alpha/test.json', value: testResult('alpha', 'packages/alpha', { failed: 1, pct: 72 }), taskStatus: 'failure' },
        lint: { origin: 'cached', file: 'dist/quality/packages/alpha/lint.json', value: lintResult('alpha', 'packages/alpha', 3, 2), taskStatus: 'local-cache' },
        typecheck: { origin: 'fresh', file: 'dist/quality/packages/alpha/typecheck.json', value: typecheckResult('alpha', 'packages/alpha', 1) },
        health: { origin: 'not-run', file: 'dist/quality/packages/alpha/health.json', value: healthResult('alpha', 'packages/alpha'), taskStatus: 'skipped' },
      },
    },
    {
      name: 'beta',
      root: 'packages/beta',
      results: {
        test: { origin: 'cached', file: 'dist/quality/packages/beta/test.json', value: testResult('beta', 'packages/beta', { pct: 95 }) },
        lint: { origin: 'cached', file: 'dist/quality/packages/beta/lint.json', value: lintResult('beta', 'packages/beta', 0, 0) },
        typecheck: { origin: 'cached', file: 'dist/quality/packages/beta/typecheck.json', value: typecheckResult('beta', 'packages/beta', 0) },
      },
    },
    {
      name: 'gamma',
      root: 'packages/gamma',
      results: {
        test: {
          origin: 'invalid',
          file: 'dist/quality/packages/gamma/test.json',
          reason: 'has schemaVersion 7, newer than this nx-quality understands (1); upgrade @nx-quality/plugin',
        },
        lint: { origin: 'missing', file: 'dist/quality/packages/gamma/lint.json', reason: 'target lint has not written it' },
      },
    },
    {
      name: 'delta',
      root: 'packages/delta',
      results: {
        test: { origin: 'not-run', file: 'dist/quality/packages/delta/test.json', value: testResult('delta', 'packages/delta', { pct: 85 }) },
        lint: { origin: 'not-run', file: 'dist/quality/packages/delta/lint.json', reason: 'no earlier result on disk' },
      },
    },
  ];
}
