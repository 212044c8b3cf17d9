import { QualityError } from '@nx-quality/core';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { normalizeTypecheckOptions } from './normalize-typecheck-options';
import { resolveTypeScript } from './resolve-typescript';
import { runTypecheckForProject } from './run-typecheck';

jest.mock('./resolve-typescript');

// The compiler mocked: which tsconfig is handed to TypeScript, and what a missing TypeScript gives.
describe('runTypecheckForProject with TypeScript mocked', () => {
  const ws = mkdtempSync(join(tmpdir(), 'nxq-typecheck-'));
  const project = { workspaceRoot: ws, name: 'a', root: 'libs/a', tags: [] };

  it('resolves TypeScript from the project root first, then the workspace root', async () => {
    jest.mocked(resolveTypeScript).mockImplementation(() => {
      throw new QualityError('TYPESCRIPT_NOT_FOUND', 'TypeScript is not installed', { hint: 'npm install -D typescript' });
    });
    const result = await runTypecheckForProject(project, normalizeTypecheckOptions(project, {}));
    expect(resolveTypeScript).toHaveBeenCalledWith([join(ws, 'libs/a'), ws]);
    expect(result.status).toBe('error');
    expect(result.error).toEqual({ code: 'TYPESCRIPT_NOT_FOUND', message: 'TypeScript is not installed', hint: 'npm install -D typescript' });
  });

  it('reads the entry tsconfig given by the tsConfig option through the resolved TypeScript', async () => {
    writeFileSync(join(ws, 'tsconfig.custom.json'), '{}');
    const readJsonConfigFile = jest.fn(() => {
      throw new TypeError('stop after reading');
    });
    jest.mocked(resolveTypeScript).mockReturnValue({ ts: { version: '5.9.9', readJsonConfigFile, sys: { readFile: jest.fn() } } as never, path: 'typescript' });
    const result = await runTypecheckForProject(project, normalizeTypecheckOptions(project, { tsConfig: 'tsconfig.custom.json' }));
    expect(readJsonConfigFile).toHaveBeenCalledWith(join(ws, 'tsconfig.custom.json'), expect.any(Function));
    expect(result.tool).toEqual({ name: 'typescript', version: '5.9.9' });
    expect(result.tsconfig).toBe('tsconfig.custom.json');
    expect(result.status).toBe('error');
    expect(result.error).toMatchObject({ code: 'TYPECHECK_FAILED', message: 'stop after reading', hint: expect.stringContaining('unexpected failure') });
  });

  // code-pushup's models: ts-patch makes createProgram load the tsconfig's compiler plugin, not built yet.
  it('names the config whose program TypeScript threw on, with how to tell its cause from ours', async () => {
    const realTs = jest.requireActual<typeof import('typescript')>('typescript');
    const createProgram = jest.fn(() => {
      throw Object.assign(new Error("Cannot find module './tools/zod2md-jsdocs/dist'"), { code: 'MODULE_NOT_FOUND' });
    });
    jest.mocked(resolveTypeScript).mockReturnValue({ ts: { ...realTs, createProgram } as never, path: 'typescript' });
    const fixture = join(__dirname, '__fixtures__/ts-workspace');
    const lib = { workspaceRoot: fixture, name: 'clean-lib', root: 'packages/clean-lib', tags: [] };
    const result = await runTypecheckForProject(lib, normalizeTypecheckOptions(lib, {}));
    expect({ status: result.status, error: result.error }).toEqual({
      status: 'error',
      error: {
        code: 'TYPECHECK_FAILED',
        message: "Cannot find module './tools/zod2md-jsdocs/dist'",
        file: result.configs[0],
        hint: expect.stringMatching(/^Run `tsc -p packages\/clean-lib\/tsconfig\.\w+\.json --noEmit` with the workspace's TypeScript\. .*compilerOptions\.plugins.*please report it/),
      },
    });
    expect(result.configs[0]).toMatch(/^packages\/clean-lib\/tsconfig\.\w+\.json$/);
  });

  it('creates one program per config of the solution, lib before spec, reading referenced sources instead of outputs', async () => {
    const realTs = jest.requireActual<typeof import('typescript')>('typescript');
    const createProgram = jest.fn((options: import('typescript').CreateProgramOptions) => realTs.createProgram(options));
    jest.mocked(resolveTypeScript).mockReturnValue({ ts: { ...realTs, createProgram } as never, path: 'typescript' });
    const fixture = join(__dirname, '__fixtures__/ts-workspace');
    const lib = { workspaceRoot: fixture, name: 'clean-lib', root: 'packages/clean-lib', tags: [] };
    const result = await runTypecheckForProject(lib, normalizeTypecheckOptions(lib, {}));

    expect(result.status).toBe('passed');
    const calls = createProgram.mock.calls.map(([options]) => options);
    expect(calls.map((options) => options.rootNames.map((file) => file.slice(fixture.length + 1)))).toEqual([
      ['packages/clean-lib/src/index.ts'],
      ['packages/clean-lib/src/index.spec.ts'],
    ]);
    expect(calls[1]!.projectReferences?.map((reference) => reference.path)).toEqual([join(fixture, 'packages/clean-lib/tsconfig.lib.json')]);
    for (const options of calls) {
      expect((options.host as { useSourceOfProjectReferenceRedirect?: () => boolean }).useSourceOfProjectReferenceRedirect?.()).toBe(true);
      expect(options.options.noEmit).toBeUndefined();
    }
  });

  it('rejects unknown options naming them', () => {
    expect(() => normalizeTypecheckOptions(project, { tsconfig: 'x' })).toThrow(/tsconfig/);
  });
});
