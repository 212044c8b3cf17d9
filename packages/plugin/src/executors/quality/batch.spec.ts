import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { QualityResultSchema, type QualityResult } from '@nx-quality/core';
import { runBatchInChild, taskGraphOf } from '../../test-support/run-batch-in-child';
import { runInChild } from '../../test-support/run-in-child';
import { createReportWorkspace } from '../../report/__fixtures__/report-workspace';
import type { QualityExecutorOptions } from './options';

// The quality batch implementation against the single-task executor, each in its own process, on
// the report fixture workspace (projects with clean, failing, corrupt, foreign and missing results):
// every quality.json must be the same (evaluatedAt aside), and so must the printed summary and the
// task's success.
jest.setTimeout(300_000);

const EXECUTOR = join(__dirname, 'executor.ts');
const BATCH = join(__dirname, 'batch.ts');
// Nx's logger colours errors (picocolors does whenever FORCE_COLOR is set at all); a batch's terminalOutput is plain text.
const PLAIN = { env: { NO_COLOR: '1' } };

interface TaskOutcome {
  success: boolean;
  output: string;
  quality?: QualityResult;
}

const withoutTime = ({ evaluatedAt: _evaluatedAt, ...rest }: QualityResult) => rest;

async function compareBatchWithSingle(workspace: ReturnType<typeof createReportWorkspace>, options: Record<string, QualityExecutorOptions>): Promise<Record<string, TaskOutcome>> {
  const names = Object.keys(options);
  const projects = Object.fromEntries(Object.entries(workspace.graph.nodes).map(([name, node]) => [name, node.data]));
  const context = { root: workspace.root, cwd: workspace.root, isVerbose: false, projectsConfigurations: { version: 2, projects } };
  const qualityFile = (name: string) => join(workspace.root, 'dist/quality', projects[name]!.root, 'quality.json');
  const read = (name: string): QualityResult | undefined =>
    existsSync(qualityFile(name)) ? QualityResultSchema.parse(JSON.parse(readFileSync(qualityFile(name), 'utf8'))) : undefined;
  const clear = () => names.forEach((name) => rmSync(qualityFile(name), { force: true }));

  const single: Record<string, TaskOutcome> = {};
  for (const name of names) {
    clear();
    const { value, stdout, stderr } = await runInChild<{ success: boolean }>(EXECUTOR, 'default', [options[name], { ...context, projectName: name, targetName: 'quality' }], PLAIN);
    single[name] = { success: value.success, output: (stdout + stderr).trim(), quality: read(name) };
  }

  // The batch must write every file itself, not leave the single runs' ones in place.
  clear();
  const inputs = Object.fromEntries(names.map((name) => [`${name}:quality`, options[name]]));
  const { value: batch } = await runBatchInChild(BATCH, taskGraphOf(names, 'quality'), inputs, context);
  expect(Object.keys(batch.results).sort()).toEqual(names.map((name) => `${name}:quality`).sort());
  for (const name of names) {
    const task = batch.results[`${name}:quality`]!;
    const written = read(name);
    expect({ name, success: task.success, output: task.terminalOutput.trim(), written: written && withoutTime(written) }).toEqual({
      name,
      success: single[name]!.success,
      output: single[name]!.output,
      written: single[name]!.quality && withoutTime(single[name]!.quality!),
    });
  }
  return single;
}

describe('quality batch implementation gives the single-task results', () => {
  let workspace: ReturnType<typeof createReportWorkspace>;
  beforeEach(() => {
    workspace = createReportWorkspace('batch-quality');
  });
  afterEach(() => workspace.cleanup());

  it('passing, failing, unusable and missing inputs, per-project options and invalid ones, under one quality.config.json', async () => {
    workspace.write('quality.config.json', {
      gates: {
        tags: { 'scope:core': [{ metric: 'health.genericCatches', op: '<=', threshold: 0 }] },
        projects: { gamma: [{ metric: 'lint.warnings', op: '<=', threshold: 0 }] },
      },
      coverage: { lines: 70 },
      health: { maxFileLines: 300 },
    });
    const single = await compareBatchWithSingle(workspace, {
      alpha: { gates: { defaults: [{ metric: 'typecheck.errors', op: '=', threshold: 0 }] } },
      beta: { coverage: { lines: 96 } },
      gamma: {},
      evil: { tools: ['test'], health: false },
      docs: { tools: ['tests'] } as unknown as QualityExecutorOptions,
      ws: { tools: ['lint'], health: { maxFunctionLines: 0 } },
    });
    // Every outcome must be exercised, or the comparison proves little.
    expect(single['beta']!.quality!.status).toBe('failed');
    expect(single['alpha']!.quality!.violations).toContainEqual(expect.stringMatching(/tag:scope:core/));
    expect(single['gamma']!.quality!.inputs['test']?.state).toBe('invalid');
    expect(single['evil']!.quality!.inputs['health']?.state).toBe('disabled');
    expect(single['docs']).toEqual({ success: false, output: expect.stringMatching(/tools\[0\]/), quality: undefined });
    expect(single['ws']!.quality!.violations[0]).toMatch(/^invalid health option .*maxFunctionLines/);
    expect(single['ws']!.output).toContain('! lint: dist/quality/lint.json does not exist; run the lint target first');
  });

  it('an invalid quality.config.json fails every project with the same message', async () => {
    workspace.write('quality.config.json', { gates: { defaults: [{ metric: 'lint.errors', op: '~', threshold: 0 }] } });
    const single = await compareBatchWithSingle(workspace, { alpha: {}, beta: {}, gamma: {} });
    expect(single['beta']!.quality!.inputs['config']?.state).toBe('invalid');
    expect(single['beta']!.success).toBe(false);
  });
});
