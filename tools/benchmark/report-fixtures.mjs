// Synthetic per-project result files for the report scenario: test.json (+ coverage-final.json with
// real istanbul file coverage), lint.json, typecheck.json, health.json and quality.json for N
// projects, shaped by core's schemas (every file is validated with them before timing starts).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const FILES_PER_PROJECT = 8;
const STATEMENTS_PER_FILE = 60;
const FUNCTIONS_PER_FILE = 8;
const BRANCHES_PER_FILE = 8;

const metric = (total, covered) => ({ total, covered, skipped: 0, pct: total === 0 ? 100 : Math.round((covered / total) * 10000) / 100 });

function fileCoverage(path, seed) {
  const statementMap = {};
  const s = {};
  for (let i = 0; i < STATEMENTS_PER_FILE; i++) {
    statementMap[i] = { start: { line: i * 2 + 1, column: 2 }, end: { line: i * 2 + 1, column: 40 } };
    s[i] = (i + seed) % 4 === 0 ? 0 : ((i * 7 + seed) % 5) + 1;
  }
  const fnMap = {};
  const f = {};
  for (let i = 0; i < FUNCTIONS_PER_FILE; i++) {
    const line = i * 15 + 1;
    fnMap[i] = { name: `fn${i}`, decl: { start: { line, column: 16 }, end: { line, column: 20 } }, loc: { start: { line, column: 0 }, end: { line: line + 10, column: 1 } }, line };
    f[i] = (i + seed) % 3 === 0 ? 0 : 2;
  }
  const branchMap = {};
  const b = {};
  for (let i = 0; i < BRANCHES_PER_FILE; i++) {
    const line = i * 12 + 5;
    const loc = { start: { line, column: 4 }, end: { line, column: 30 } };
    branchMap[i] = { loc, type: 'if', locations: [loc, loc], line };
    b[i] = [(i + seed) % 2, 1];
  }
  return { path, statementMap, fnMap, branchMap, s, f, b };
}

function summarize(cov) {
  const statements = Object.values(cov.s);
  const functions = Object.values(cov.f);
  const branches = Object.values(cov.b).flat();
  const lines = new Map();
  for (const [id, loc] of Object.entries(cov.statementMap)) lines.set(loc.start.line, Math.max(lines.get(loc.start.line) ?? 0, cov.s[id]));
  const covered = (values) => values.filter((v) => v > 0).length;
  return {
    lines: metric(lines.size, covered([...lines.values()])),
    statements: metric(statements.length, covered(statements)),
    functions: metric(functions.length, covered(functions)),
    branches: metric(branches.length, covered(branches)),
  };
}

function addSummaries(parts) {
  const sum = (key) => {
    const total = parts.reduce((n, p) => n + p[key].total, 0);
    const covered = parts.reduce((n, p) => n + p[key].covered, 0);
    return metric(total, covered);
  };
  return { lines: sum('lines'), statements: sum('statements'), functions: sum('functions'), branches: sum('branches') };
}

/** Writes results of `count` projects under `<workspace>/dist/quality/packages/pNNNN/`; returns the project list. */
export function writeReportFixtures(workspace, count) {
  const startedAt = '2026-01-01T00:00:00.000Z';
  const projects = [];
  for (let i = 0; i < count; i++) {
    const name = `@bench/p${String(i).padStart(4, '0')}`;
    const root = `packages/p${String(i).padStart(4, '0')}`;
    const dir = join(workspace, 'dist', 'quality', root);
    mkdirSync(dir, { recursive: true });
    mkdirSync(join(workspace, root), { recursive: true });
    writeFileSync(join(workspace, root, 'package.json'), JSON.stringify({ name, version: '0.0.1' }));
    const header = { schemaVersion: 1, project: name, projectRoot: root, startedAt, durationMs: 1000 + i };
    const failing = i % 20 === 7;

    const coverage = {};
    const fileSummaries = [];
    for (let k = 0; k < FILES_PER_PROJECT; k++) {
      const file = `${root}/src/lib/module${k}.ts`;
      const cov = fileCoverage(file, i + k);
      coverage[file] = cov;
      fileSummaries.push({ file, ...summarize(cov) });
    }
    writeFileSync(join(dir, 'coverage-final.json'), JSON.stringify(coverage));
    const testFiles = Array.from({ length: 5 }, (_, k) => {
      const tests = Array.from({ length: 5 }, (_, t) => ({ fullName: `module${k} › case ${t}`, status: failing && k === 0 && t === 0 ? 'failed' : 'passed', durationMs: 3 }));
      const failed = tests.filter((t) => t.status === 'failed').length;
      return {
        file: `${root}/src/lib/module${k}.spec.ts`,
        status: failed ? 'failed' : 'passed',
        counts: { total: 5, passed: 5 - failed, failed, skipped: 0, todo: 0 },
        durationMs: 40,
        tests,
      };
    });
    const failedTests = failing ? 1 : 0;
    const test = {
      kind: 'test',
      ...header,
      status: failing ? 'failed' : 'passed',
      tool: { name: 'jest', version: '30.3.0' },
      runner: 'jest',
      counts: { total: 25, passed: 25 - failedTests, failed: failedTests, skipped: 0, todo: 0 },
      suites: { total: 5, passed: 5 - failedTests, failed: failedTests, errored: 0 },
      failures: failing ? [{ file: `${root}/src/lib/module0.spec.ts`, fullName: 'module0 › case 0', message: 'expect(received).toBe(expected)\n\nExpected: 1\nReceived: 2', line: 4, column: 7 }] : [],
      failuresOmitted: 0,
      files: testFiles,
      coverage: {
        totals: addSummaries(fileSummaries),
        files: fileSummaries,
        coverageFile: `dist/quality/${root}/coverage-final.json`,
        thresholdViolations: [],
      },
    };
    const lintMessages = Array.from({ length: 3 + (i % 4) }, (_, k) => ({
      file: `${root}/src/lib/module${k % FILES_PER_PROJECT}.ts`,
      line: 10 + k,
      column: 5,
      ruleId: k % 2 ? '@typescript-eslint/no-explicit-any' : '(unused-disable-directive)',
      severity: 'warning',
      message: k % 2 ? 'Unexpected any. Specify a different type.' : 'Unused eslint-disable directive',
      fixable: k % 2 === 0,
    }));
    const lint = {
      kind: 'lint',
      ...header,
      status: 'passed',
      tool: { name: 'eslint', version: '9.39.5' },
      counts: { errors: 0, warnings: lintMessages.length, fixableErrors: 0, fixableWarnings: lintMessages.filter((m) => m.fixable).length, fatal: 0, filesLinted: 14, filesWithProblems: Math.min(lintMessages.length, FILES_PER_PROJECT) },
      rules: {
        '@typescript-eslint/no-explicit-any': { errors: 0, warnings: lintMessages.filter((m) => !m.fixable).length },
        '(unused-disable-directive)': { errors: 0, warnings: lintMessages.filter((m) => m.fixable).length },
      },
      messages: lintMessages,
      messagesOmitted: 0,
      fixed: false,
    };
    const typeErrors = i % 25 === 3 ? 2 : 0;
    const typecheck = {
      kind: 'typecheck',
      ...header,
      status: typeErrors ? 'failed' : 'passed',
      tool: { name: 'typescript', version: '6.0.3' },
      tsconfig: `${root}/tsconfig.json`,
      configs: [`${root}/tsconfig.lib.json`, `${root}/tsconfig.spec.json`],
      counts: { errors: typeErrors, warnings: 0, filesChecked: 14 },
      codes: typeErrors ? { TS2322: typeErrors } : {},
      diagnostics: Array.from({ length: typeErrors }, (_, k) => ({ code: 'TS2322', category: 'error', message: "Type 'string' is not assignable to type 'number'.", file: `${root}/src/lib/module${k}.ts`, line: 20 + k, column: 3, tsconfig: `${root}/tsconfig.lib.json` })),
      diagnosticsOmitted: 0,
    };
    const findings = [
      { kind: 'genericCatch', file: `${root}/src/lib/module1.ts`, line: 120, column: 5, message: 'catch block handles every error the same way' },
      { kind: 'explicitAny', file: `${root}/src/lib/module3.ts`, line: 121, column: 40, ruleId: '@typescript-eslint/no-explicit-any', message: 'Unexpected any' },
    ];
    const todos = [{ file: `${root}/src/lib/module2.ts`, line: 100, tag: 'TODO', category: 'performance', text: 'cache the combined score' }];
    const health = {
      kind: 'health',
      ...header,
      status: 'passed',
      tool: { name: 'nx-quality', version: '0.1.0' },
      counts: { genericCatches: 1, bareThrows: 0, explicitAny: 1, longFiles: 0, longFunctions: 0, complexFunctions: 0, todos: 1, assertionFreeTests: 0, skippedTests: 0, focusedTests: 0, untestedModules: 3, indirectlyTestedModules: 0, parseErrors: 0 },
      findings,
      findingsOmitted: 0,
      todos,
      todosByCategory: { performance: 1 },
      testFiles: testFiles.map((t) => ({ file: t.file, kind: 'unit', tests: 5, mockCalls: 0 })),
      testKinds: { unit: { files: 5, tests: 25 } },
      untestedModules: [5, 6, 7].map((k) => ({ file: `${root}/src/lib/module${k}.ts`, fanIn: k - 4, lines: 128, reachedIndirectly: false })),
      sourceFiles: FILES_PER_PROJECT,
    };
    const linesPct = test.coverage.totals.lines.pct;
    const conditions = [
      { metric: 'coverage.lines', op: '>=', threshold: 80, source: 'default', actual: linesPct, passed: linesPct >= 80 },
      { metric: 'tests.failed', op: '=', threshold: 0, source: 'default', actual: failedTests, passed: failedTests === 0 },
      { metric: 'lint.errors', op: '=', threshold: 0, source: 'default', actual: 0, passed: true },
      { metric: 'typecheck.errors', op: '=', threshold: 0, source: 'default', actual: typeErrors, passed: typeErrors === 0 },
    ].map((c) => (c.passed ? c : { ...c, message: `${c.metric} ${c.actual} ${c.op === '>=' ? '<' : '!='} ${c.threshold} (project ${name})` }));
    const quality = {
      kind: 'quality',
      schemaVersion: 1,
      project: name,
      projectRoot: root,
      status: conditions.every((c) => c.passed) ? 'passed' : 'failed',
      evaluatedAt: startedAt,
      inputs: Object.fromEntries(['test', 'lint', 'typecheck', 'health'].map((k) => [k, { state: 'ok', file: `dist/quality/${root}/${k}.json` }])),
      metrics: { 'coverage.lines': linesPct, 'tests.failed': failedTests, 'lint.errors': 0, 'lint.warnings': lintMessages.length, 'typecheck.errors': typeErrors },
      conditions,
      violations: conditions.filter((c) => !c.passed).map((c) => c.message),
    };
    const results = { test, lint, typecheck, health, quality };
    for (const [kind, value] of Object.entries(results)) writeFileSync(join(dir, `${kind}.json`), JSON.stringify(value, null, 2));
    projects.push({ name, root, results });
  }
  return projects;
}

/** Validates one project's results with core's zod schemas; returns the problems found. */
export function validateFixtures(core, project) {
  const schemas = { test: core.TestResultSchema, lint: core.LintResultSchema, typecheck: core.TypecheckResultSchema, health: core.HealthResultSchema, quality: core.QualityResultSchema };
  const problems = [];
  for (const [kind, schema] of Object.entries(schemas)) {
    if (!schema) continue;
    const parsed = schema.safeParse(project.results[kind]);
    if (!parsed.success) problems.push(`${kind}: ${parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return problems;
}
