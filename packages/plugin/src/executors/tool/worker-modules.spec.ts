import { join } from 'node:path';
import { runInChild } from '../../test-support/run-in-child';
import { TOOL_KINDS } from './options';

// A batch worker is a fresh process started per tool, often for one task: what it loads before its
// first task is paid again at every start. Nx (through @nx/devkit) is several hundred modules a
// worker never uses (results are written, not logged through Nx), so no tool's runner may pull it in.
jest.setTimeout(60_000);

describe('what a tool batch worker loads', () => {
  it.each(TOOL_KINDS)('the %s runner loads neither nx nor @nx/devkit', async (tool) => {
    const { value } = await runInChild<string[]>(join(__dirname, '__fixtures__/nx-modules-loaded-by-runner.ts'), 'nxModulesLoadedByRunner', [tool]);
    expect(value).toEqual([]);
  });
});
