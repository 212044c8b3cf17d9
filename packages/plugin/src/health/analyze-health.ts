import { QualityError, type HealthResult, type TodoItem } from '@nx-quality/core';
import { minimatch } from 'minimatch';
import { readFileSync, realpathSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type * as TS from 'typescript';
import type { ProjectRef } from '../shared/project-ref';
import { resultHeader } from '../shared/result-header';
import { addScannedFile, addWorkspaceFile, type ModuleGraph } from './build-module-graph';
import { buildHealthEslintConfig } from './build-health-eslint-config';
import { collectTodos } from './collect-todos';
import { countLines } from './count-lines';
import { errorHealthResult } from './error-health-result';
import type { NormalizedHealthOptions } from './health-options';
import { remembered, type HealthRunCache } from './health-run-cache';
import { listProjectFiles } from './list-project-files';
import { listWorkspaceCodeFiles } from './list-workspace-code-files';
import { loadCompilerOptions } from './load-compiler-options';
import { createModuleResolver } from './module-resolver';
import { rankUntestedModules } from './rank-untested-modules';
import { resolveWorkspaceTool } from './resolve-workspace-tool';
import { runHealthEslint } from './run-health-eslint';
import { scanModuleFile } from './scan-module-file';
import { summarizeTestFiles, type ScannedTestFile } from './summarize-test-files';
import { tallyLintMessages } from './tally-lint-messages';

const TODO_CATEGORY_NAMES = ['security', 'performance', 'bug', 'feature', 'refactor', 'documentation', 'other'];

function toPosix(path: string): string {
  return path.split(sep).join('/');
}

/**
 * Health analysis of one project (health.json): the health ESLint config run in-process (generic catches,
 * bare throws, any, long files/functions, complexity, TODOs, assertion-free/skipped/focused tests), the
 * TypeScript parser for jest.mock and test calls, and the TypeScript module resolver for untested modules
 * and fan-in. Never throws for bad project files: a file that does not parse is counted in
 * `counts.parseErrors` and listed as a finding. A missing tool (ESLint 8.57+, TypeScript) gives a result
 * with `status: 'error'`. Analyses given the same `cache` (a batch) share the loaded tools, the
 * workspace listing, parsed tsconfigs and module resolvers; the result is the same as without it.
 */
export async function analyzeHealth(
  project: ProjectRef,
  options: NormalizedHealthOptions,
  cache?: HealthRunCache,
): Promise<HealthResult> {
  const startedAt = new Date();
  let ts: typeof TS;
  try {
    ts = remembered(cache?.typescript, project.workspaceRoot, () => resolveWorkspaceTool<typeof TS>('typescript', project.workspaceRoot));
  } catch (error) {
    if (!(error instanceof QualityError)) throw error;
    return errorHealthResult(project, startedAt, { name: 'nx-quality-health', version: 'unknown' }, { code: error.code, message: error.message, hint: error.hint });
  }

  const workspaceRoot = realpathSync(project.workspaceRoot);
  const projectDir = realpathSync(resolve(project.workspaceRoot, project.root));
  const toWorkspacePath = (absolute: string): string => toPosix(relative(workspaceRoot, absolute));
  const projectFileToWorkspace = (projectFile: string): string => toWorkspacePath(join(projectDir, projectFile));

  const files = listProjectFiles(projectDir, options);
  let lint;
  try {
    lint = await runHealthEslint(workspaceRoot, projectDir, [...files.sources, ...files.tests], buildHealthEslintConfig(options), cache);
  } catch (error) {
    if (!(error instanceof QualityError)) throw error;
    return errorHealthResult(project, startedAt, { name: 'nx-quality-health', version: `typescript@${ts.version}` }, { code: error.code, message: error.message, hint: error.hint });
  }
  const tally = tallyLintMessages(lint.messages, projectFileToWorkspace);

  const texts = new Map<string, string>();
  for (const file of [...files.sources, ...files.tests]) texts.set(file, readFileSync(join(projectDir, file), 'utf8'));
  const todos: TodoItem[] = collectTodos(tally.todoMessages, (file) => texts.get(file), projectFileToWorkspace, options.todoTags, options.todoCategories);
  const todosByCategory: Record<string, number> = Object.fromEntries(TODO_CATEGORY_NAMES.map((category) => [category, 0]));
  for (const todo of todos) todosByCategory[todo.category] = (todosByCategory[todo.category] ?? 0) + 1;

  const settings = loadCompilerOptions(ts, workspaceRoot, projectDir, cache);
  const resolveModule = remembered(cache?.resolvers, `${workspaceRoot}\u0000${settings.tsconfig ?? ''}`, () => createModuleResolver(ts, workspaceRoot, settings.options));
  const graph: ModuleGraph = new Map();
  const lines = new Map<string, number>();
  const scannedTests: ScannedTestFile[] = [];
  let mockCalls = 0;
  for (const [projectFile, text] of texts) {
    const absolute = join(projectDir, projectFile);
    const isTest = files.tests.includes(projectFile);
    const scanned = scanModuleFile(ts, absolute, text);
    addScannedFile(graph, absolute, isTest, scanned, resolveModule);
    lines.set(absolute, countLines(text));
    if (isTest) {
      mockCalls += scanned.mockCalls;
      scannedTests.push({ file: toWorkspacePath(absolute), projectFile, testCalls: scanned.testCalls, mockCalls: scanned.mockCalls });
    }
  }
  if (options.fanInScope === 'workspace') {
    const projectRoot = toPosix(relative(workspaceRoot, projectDir)) || '.';
    // A relative import from another project only matters if its path leads into this one; resolving
    // the others would cost time for nothing.
    const couldPointInto = (specifier: string, from: string): boolean =>
      !specifier.startsWith('.') || !relative(projectDir, resolve(dirname(from), specifier)).startsWith('..');
    for (const file of listWorkspaceCodeFiles(workspaceRoot, projectRoot, cache)) {
      const isTest = options.testGlobs.some((glob) => minimatch(file, glob, { dot: true }));
      addWorkspaceFile(ts, graph, join(workspaceRoot, file), isTest, resolveModule, couldPointInto);
    }
  }
  const untested = rankUntestedModules(graph, lines, toWorkspacePath);
  const { testFiles, testKinds } = summarizeTestFiles(scannedTests, options);

  const findings = [...tally.findings].sort(
    (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column || a.kind.localeCompare(b.kind),
  );
  return {
    ...resultHeader('health', project, startedAt),
    status: 'passed',
    tool: { name: 'nx-quality-health', version: `eslint@${lint.eslintVersion} typescript@${ts.version}` },
    counts: {
      ...tally.counts,
      todos: todos.length,
      untestedModules: untested.untested,
      indirectlyTestedModules: untested.indirectlyTested,
    },
    findings: findings.slice(0, options.maxFindings),
    findingsOmitted: Math.max(0, findings.length - options.maxFindings),
    todos,
    todosByCategory,
    testFiles,
    testKinds,
    untestedModules: untested.ranked.slice(0, options.untestedTopN),
    sourceFiles: files.sources.length,
    mockCalls,
  };
}
