// Builds a workspace on disk with result files as the nx-quality executors write them, and the
// project graph createNodes would infer for it, for the quality-report executor and hook specs.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ProjectGraph, ProjectGraphProjectNode, TargetConfiguration } from '@nx/devkit';
import { healthResult, lintResult, sampleCoverage, testResult, typecheckResult } from '@nx-quality/core/test-support';
import { optionsSchema as qualityOptionsSchema } from '../../executors/quality/options';
import { runQuality } from '../../executors/quality/run-quality';

const REPO_ROOT = join(__dirname, '../../../../..');

const out = (file: string) => `{workspaceRoot}/dist/quality/{projectRoot}/${file}`;

/** The targets createNodes infers for a project with Jest, ESLint and TypeScript. */
export function inferredTargets(): Record<string, TargetConfiguration> {
  return {
    test: { executor: '@nx-quality/plugin:test', options: { resultsDir: 'dist/quality/{projectRoot}' }, outputs: [out('test.json'), out('coverage-final.json')] },
    lint: { executor: '@nx-quality/plugin:lint', options: { resultsDir: 'dist/quality/{projectRoot}' }, outputs: [out('lint.json')] },
    typecheck: { executor: '@nx-quality/plugin:typecheck', options: { resultsDir: 'dist/quality/{projectRoot}' }, outputs: [out('typecheck.json')] },
    quality: { executor: '@nx-quality/plugin:quality', options: { resultsDir: 'dist/quality/{projectRoot}' }, dependsOn: ['test', 'lint', 'typecheck'], outputs: [out('quality.json'), out('health.json')] },
    build: { executor: 'nx:run-commands', options: { command: 'echo' }, outputs: ['{projectRoot}/dist'] },
  };
}

function node(name: string, root: string, targets: Record<string, TargetConfiguration>, tags: string[] = []): ProjectGraphProjectNode {
  return { name, type: 'lib', data: { root, tags, targets } };
}

/** The fixture workspace and what a spec does to it. */
export interface ReportWorkspace {
  root: string;
  graph: ProjectGraph;
  write: (file: string, content: unknown) => void;
  /** Runs every project's quality target on the result files as they are now (writes quality.json). */
  evaluate: () => Promise<void>;
  cleanup: () => void;
}

/**
 * A workspace under <repo>/tmp with five projects in every state the report must handle. Its
 * quality.json files are written by `evaluate`, as `nx run-many -t quality` would before the report.
 */
export function createReportWorkspace(label = 'report-ws'): ReportWorkspace {
  mkdirSync(join(REPO_ROOT, 'tmp'), { recursive: true });
  const root = mkdtempSync(join(REPO_ROOT, 'tmp', `${label}-`));
  const write = (file: string, content: unknown) => {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  };
  write('nx.json', { plugins: ['@nx-quality/plugin'] });
  write('package.json', { name: 'ws', private: true });
  write('packages/alpha/project.json', { name: 'alpha' });
  write('packages/alpha/src/a.ts', 'const a: any = 1;\nlet unused;\nexport const x = 1;\n');
  // alpha: everything present, with failures.
  write('dist/quality/packages/alpha/test.json', testResult('alpha', 'packages/alpha', { failed: 1, pct: 72 }));
  write('dist/quality/packages/alpha/lint.json', lintResult('alpha', 'packages/alpha', 3, 2));
  write('dist/quality/packages/alpha/typecheck.json', typecheckResult('alpha', 'packages/alpha', 1));
  write('dist/quality/packages/alpha/health.json', healthResult('alpha', 'packages/alpha'));
  // beta: clean.
  write('dist/quality/packages/beta/test.json', testResult('beta', 'packages/beta', { pct: 95 }));
  write('dist/quality/packages/beta/lint.json', lintResult('beta', 'packages/beta', 0, 0));
  write('dist/quality/packages/beta/typecheck.json', typecheckResult('beta', 'packages/beta', 0));
  write('dist/quality/packages/beta/health.json', healthResult('beta', 'packages/beta'));
  for (const source of sampleCoverage()) write(source.file, source.data);
  // gamma: truncated test.json, newer-version lint.json, typecheck.json of another project, nothing else.
  write('dist/quality/packages/gamma/test.json', JSON.stringify(testResult('gamma', 'packages/gamma')).slice(0, 200));
  write('dist/quality/packages/gamma/lint.json', { ...lintResult('gamma', 'packages/gamma', 0, 0), schemaVersion: 99 });
  write('dist/quality/packages/gamma/typecheck.json', typecheckResult('beta', 'packages/beta', 0));
  const evilTargets = inferredTargets();
  evilTargets['test'] = { ...evilTargets['test'], outputs: ['{workspaceRoot}/../outside/{projectName}/test.json', '/etc/nxq/coverage-final.json'] };
  const graph: ProjectGraph = {
    nodes: {
      alpha: node('alpha', 'packages/alpha', inferredTargets(), ['scope:core']),
      beta: node('beta', 'packages/beta', inferredTargets()),
      gamma: node('gamma', 'packages/gamma', inferredTargets()),
      evil: node('evil', 'packages/evil', { test: evilTargets['test'] as TargetConfiguration }),
      docs: node('docs', 'docs', { build: { executor: 'nx:run-commands' } }),
      ws: node('ws', '.', { 'quality-report': { executor: '@nx-quality/plugin:quality-report', options: {} } }),
    },
    dependencies: {},
  };
  const evaluate = async () => {
    for (const project of Object.values(graph.nodes)) {
      const quality = project.data.targets?.['quality'];
      if (quality?.executor !== '@nx-quality/plugin:quality') continue;
      const options = qualityOptionsSchema.parse(quality.options ?? {});
      await runQuality({ workspaceRoot: root, name: project.name, root: project.data.root, tags: project.data.tags ?? [] }, options);
    }
  };
  return { root, graph, write, evaluate, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}
