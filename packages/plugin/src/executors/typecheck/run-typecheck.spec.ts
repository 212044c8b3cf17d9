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

  it('rejects unknown options naming them', () => {
    expect(() => normalizeTypecheckOptions(project, { tsconfig: 'x' })).toThrow(/tsconfig/);
  });
});
