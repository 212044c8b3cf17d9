import type { ExecutorContext } from '@nx/devkit';
import { readOfficialTargetOptions } from '../shared/read-official-target-options';
import { officialTestDirectory } from './official-test-directory';

const project = { name: 'alpha', root: 'packages/alpha', workspaceRoot: '/ws', tags: [] };

/** A task context, Nx invoked in `/ws/apps`, whose project has the official `test` target given. */
function context(test: Record<string, unknown>): ExecutorContext {
  return {
    root: '/ws',
    cwd: '/ws/apps',
    isVerbose: false,
    projectName: 'alpha',
    targetName: 'quality-test',
    projectGraph: { nodes: { alpha: { name: 'alpha', type: 'lib', data: { root: 'packages/alpha', targets: { test } } } }, dependencies: {} },
  } as unknown as ExecutorContext;
}

/** The test directory of the official target that `raw` options name in `taskContext`. */
function directory(raw: Record<string, unknown>, taskContext: ExecutorContext | undefined): string {
  return officialTestDirectory(project, readOfficialTargetOptions(project, raw, taskContext), taskContext?.cwd);
}

describe('officialTestDirectory', () => {
  it('is the project root beside a target the official plugins infer, or a package.json script', () => {
    expect(directory({ officialTarget: 'test' }, context({ executor: 'nx:run-commands', options: { command: 'vitest', cwd: 'packages/alpha' } }))).toBe('/ws/packages/alpha');
    expect(directory({ officialTarget: 'test' }, context({ executor: 'nx:run-script', options: { script: 'test' } }))).toBe('/ws/packages/alpha');
  });

  it("is run-commands' workspace root without a cwd option, also for a target with a command and no executor", () => {
    expect(directory({ officialTarget: 'test' }, context({ executor: 'nx:run-commands', options: { command: 'jest packages/alpha' } }))).toBe('/ws');
    expect(directory({ officialTarget: 'test' }, context({ options: { command: 'jest' } }))).toBe('/ws');
  });

  it('is where Nx was invoked beside an executor, which runs in the process Nx forks there', () => {
    expect(directory({ officialTarget: 'test' }, context({ executor: '@nx/jest:jest', options: { jestConfig: 'packages/alpha/jest.config.ts' } }))).toBe('/ws/apps');
  });

  it('is the project root without an official target or a context', () => {
    expect(directory({}, context({ executor: '@nx/jest:jest' }))).toBe('/ws/packages/alpha');
    expect(directory({ officialTarget: 'unit' }, context({ executor: '@nx/jest:jest' }))).toBe('/ws/packages/alpha');
    expect(directory({ officialTarget: 'test' }, undefined)).toBe('/ws/packages/alpha');
  });
});
