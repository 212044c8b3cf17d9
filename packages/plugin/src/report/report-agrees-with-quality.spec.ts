import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProjectGraph, TargetConfiguration } from '@nx/devkit';
import { QualityResultSchema } from '@nx-quality/core';
import { lintResult, testResult } from '../../../core/src/report/__fixtures__/sample-inputs';
import { optionsSchema } from '../executors/quality/options';
import { runQuality } from '../executors/quality/run-quality';
import { createReportWorkspace, inferredTargets } from './__fixtures__/report-workspace';
import { generateWorkspaceReport } from './generate-workspace-report';
import { resolveReportOptions } from './resolve-report-options';

/** Project graph targets with the quality target's options replaced (health off: no analysis to run). */
function targetsWith(qualityOptions: Record<string, unknown>, keep: string[]): Record<string, TargetConfiguration> {
  const all = inferredTargets();
  const quality = { ...all['quality'], options: { ...all['quality']?.options, health: false, ...qualityOptions } } as TargetConfiguration;
  return { ...Object.fromEntries(keep.map((name) => [name, all[name] as TargetConfiguration])), quality };
}

describe('the report and quality.json agree', () => {
  let ws: ReturnType<typeof createReportWorkspace>;
  afterEach(() => ws.cleanup());

  it('gives every project whose fresh quality.json is valid the status that file records', async () => {
    ws = createReportWorkspace('agree-ws');
    // solo: only a test target, but the quality target evaluates every tool (default tools): lint and typecheck are missing.
    ws.write('dist/quality/packages/solo/test.json', testResult('solo', 'packages/solo', { pct: 95 }));
    // narrow: lint errors, but its quality target only evaluates tests (tools: ['test']).
    ws.write('dist/quality/packages/narrow/test.json', testResult('narrow', 'packages/narrow', { pct: 95 }));
    ws.write('dist/quality/packages/narrow/lint.json', lintResult('narrow', 'packages/narrow', 3, 0));
    const nodes: ProjectGraph['nodes'] = {
      alpha: { name: 'alpha', type: 'lib', data: { root: 'packages/alpha', tags: ['scope:core'], targets: targetsWith({}, ['test', 'lint', 'typecheck']) } },
      beta: { name: 'beta', type: 'lib', data: { root: 'packages/beta', targets: targetsWith({ coverage: { lines: 96 } }, ['test', 'lint', 'typecheck']) } },
      solo: { name: 'solo', type: 'lib', data: { root: 'packages/solo', targets: targetsWith({}, ['test']) } },
      narrow: { name: 'narrow', type: 'lib', data: { root: 'packages/narrow', targets: targetsWith({ tools: ['test'] }, ['test', 'lint']) } },
    };
    const graph: ProjectGraph = { nodes, dependencies: {} };

    const recorded: Record<string, string> = {};
    for (const node of Object.values(nodes)) {
      const options = optionsSchema.parse(node.data.targets?.['quality']?.options);
      const outcome = await runQuality({ workspaceRoot: ws.root, name: node.name, root: node.data.root, tags: node.data.tags ?? [] }, options);
      const file = QualityResultSchema.parse(JSON.parse(readFileSync(join(ws.root, outcome.file), 'utf8')));
      recorded[node.name] = file.status;
    }
    const generated = generateWorkspaceReport({
      workspaceRoot: ws.root,
      graph,
      options: { ...resolveReportOptions(ws.root, undefined, {}), formats: ['json'] },
      producer: 'executor',
      originOf: () => ({ origin: 'fresh' }),
    });
    const reported = Object.fromEntries(generated.report.projects.map((p) => [p.name, p.gate.status]));

    expect(recorded).toEqual({ alpha: 'failed', beta: 'failed', solo: 'failed', narrow: 'passed' });
    expect(reported).toEqual(recorded);
    const solo = generated.report.projects.find((p) => p.name === 'solo');
    expect(solo?.results['lint']).toMatchObject({ origin: 'missing', reason: expect.stringMatching(/no lint target records it, but option tools of quality lists lint/) });
    expect(solo?.gate.violations.some((v) => v.startsWith('lint.errors unknown'))).toBe(true);
    expect(generated.report.projects.find((p) => p.name === 'narrow')?.gate.conditions.some((c) => c.metric.startsWith('lint.'))).toBe(false);
  });
});
