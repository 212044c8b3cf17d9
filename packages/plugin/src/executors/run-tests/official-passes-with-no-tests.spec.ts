import type { ExecutorContext } from '@nx/devkit';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readOfficialTargetOptions } from '../shared/read-official-target-options';
import { officialPassesWithNoTests } from './official-passes-with-no-tests';

const project = { name: 'alpha', root: 'packages/alpha', workspaceRoot: '/ws', tags: [] };

/** A task context whose project has the official `test` target given. */
function context(test: Record<string, unknown>, configurationName?: string): ExecutorContext {
  return {
    root: '/ws',
    cwd: '/ws',
    isVerbose: false,
    projectName: 'alpha',
    targetName: 'quality-test',
    ...(configurationName ? { configurationName } : {}),
    projectGraph: { nodes: { alpha: { name: 'alpha', type: 'lib', data: { root: 'packages/alpha', targets: { test } } } }, dependencies: {} },
  } as unknown as ExecutorContext;
}

/** Whether the official target that `raw` options name in `taskContext` passes with no tests. */
function passes(raw: Record<string, unknown>, taskContext: ExecutorContext | undefined): boolean {
  return officialPassesWithNoTests(project, readOfficialTargetOptions(project, raw, taskContext));
}

describe('officialPassesWithNoTests', () => {
  it("reads the official target's option, as @nx/jest:jest and run-commands take it", () => {
    expect(passes({ officialTarget: 'test' }, context({ executor: '@nx/jest:jest', options: { passWithNoTests: true } }))).toBe(true);
    expect(passes({ officialTarget: 'test' }, context({ executor: 'nx:run-commands', options: { command: 'jest', passWithNoTests: 'true' } }))).toBe(true);
    expect(passes({ officialTarget: 'test' }, context({ executor: 'nx:run-commands', options: { command: 'jest', args: '--ci --passWithNoTests' } }))).toBe(true);
    expect(passes({ officialTarget: 'test' }, context({ executor: 'nx:run-commands', options: { command: 'jest', args: ['--pass-with-no-tests'] } }))).toBe(true);
  });

  it('reads the flag on the jest or vitest that a package.json script or run-commands runs (TanStack: `"test:lib": "vitest"`)', () => {
    const root = mkdtempSync(join(tmpdir(), 'nxq-pass-script-'));
    mkdirSync(join(root, 'packages/alpha'), { recursive: true });
    writeFileSync(join(root, 'packages/alpha/package.json'), JSON.stringify({ scripts: { 'test:lib': 'tsc -b && vitest --passWithNoTests', plain: 'vitest', other: 'echo --passWithNoTests' } }));
    const inRoot = { ...project, workspaceRoot: root };
    const script = (name: string) => officialPassesWithNoTests(inRoot, { target: name, executor: 'nx:run-script', options: { script: name } });
    expect({ 'test:lib': script('test:lib'), plain: script('plain'), other: script('other'), missing: script('missing') }).toEqual({ 'test:lib': true, plain: false, other: false, missing: false });
    expect(passes({ officialTarget: 'test' }, context({ executor: 'nx:run-commands', options: { command: 'npx vitest run --pass-with-no-tests' } }))).toBe(true);
    expect(passes({ officialTarget: 'test' }, context({ executor: 'nx:run-commands', options: { command: 'jest {args}', args: '--passWithNoTests' } }))).toBe(true);
  });

  it('applies the configuration the official target would run with', () => {
    const test = { executor: '@nx/jest:jest', options: {}, configurations: { ci: { passWithNoTests: true } } };
    expect(passes({ officialTarget: 'test' }, context(test))).toBe(false);
    expect(passes({ officialTarget: 'test' }, context(test, 'ci'))).toBe(true);
    expect(passes({ officialTarget: 'test' }, context({ ...test, defaultConfiguration: 'ci' }))).toBe(true);
  });

  it('is false without an official target, its option, or a context', () => {
    expect(passes({}, context({ options: { passWithNoTests: true } }))).toBe(false);
    expect(passes({ officialTarget: 'unit' }, context({ options: { passWithNoTests: true } }))).toBe(false);
    expect(passes({ officialTarget: 'test' }, context({ options: { passWithNoTests: false, args: '--ci' } }))).toBe(false);
    expect(passes({ officialTarget: 'test' }, undefined)).toBe(false);
  });
});
