import type { ExecutorContext } from '@nx/devkit';
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
  return officialPassesWithNoTests(readOfficialTargetOptions(project, raw, taskContext));
}

describe('officialPassesWithNoTests', () => {
  it("reads the official target's option, as @nx/jest:jest and run-commands take it", () => {
    expect(passes({ officialTarget: 'test' }, context({ executor: '@nx/jest:jest', options: { passWithNoTests: true } }))).toBe(true);
    expect(passes({ officialTarget: 'test' }, context({ executor: 'nx:run-commands', options: { command: 'jest', passWithNoTests: 'true' } }))).toBe(true);
    expect(passes({ officialTarget: 'test' }, context({ executor: 'nx:run-commands', options: { command: 'jest', args: '--ci --passWithNoTests' } }))).toBe(true);
    expect(passes({ officialTarget: 'test' }, context({ executor: 'nx:run-commands', options: { command: 'jest', args: ['--pass-with-no-tests'] } }))).toBe(true);
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
