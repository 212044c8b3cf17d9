import type { ExecutorContext } from '@nx/devkit';
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { normalizeTestOptions } from './normalize-test-options';
import { runTestsForProject } from './run-tests';

describe('runTestsForProject', () => {
  it("records TEST_DIRECTORY_MISSING, naming the official target's directory, when it cannot be entered", async () => {
    const ws = realpathSync(mkdtempSync(join(tmpdir(), 'nxq-run-tests-')));
    const before = process.cwd();
    try {
      const project = { name: 'alpha', root: 'packages/alpha', workspaceRoot: ws, tags: [] };
      const test = { executor: 'nx:run-commands', options: { command: 'node --test', cwd: 'packages/gone' } };
      const context = {
        root: ws,
        cwd: ws,
        isVerbose: false,
        projectName: 'alpha',
        targetName: 'quality-test',
        projectGraph: { nodes: { alpha: { name: 'alpha', type: 'lib', data: { root: 'packages/alpha', targets: { test } } } }, dependencies: {} },
      } as unknown as ExecutorContext;
      const result = await runTestsForProject(project, normalizeTestOptions(project, { runner: 'node', officialTarget: 'test' }, context));
      expect(result).toMatchObject({
        status: 'error',
        tool: { name: 'node' },
        error: { code: 'TEST_DIRECTORY_MISSING', message: expect.stringContaining(join(ws, 'packages/gone')), hint: expect.stringContaining('cwd option') },
      });
      expect(process.cwd()).toBe(before);
    } finally {
      rmSync(ws, { recursive: true, force: true });
    }
  });
});
