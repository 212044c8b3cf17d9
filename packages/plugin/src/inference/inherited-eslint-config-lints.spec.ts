import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { installEslintVersion } from '../test-support/install-eslint-version';
import { writeWorkspaceFile } from '../test-support/write-workspace-file';
import { createInheritedConfigLintCheck } from './inherited-eslint-config-lints';

// ESLint 8.57.1's eslintrc `isPathIgnored` decides, as for @nx/eslint/plugin: Nx 22's root
// .eslintrc.json ignores everything, so a project without its own config is not linted.
jest.setTimeout(120_000);

describe('createInheritedConfigLintCheck with ESLint 8.57.1 (eslintrc)', () => {
  let ws: string;
  const write = (file: string, content: unknown) => writeWorkspaceFile(ws, file, content);

  beforeAll(() => {
    const eslint = installEslintVersion('8.57.1', '8.57.1');
    mkdirSync(join(__dirname, '../../../../tmp'), { recursive: true });
    ws = mkdtempSync(join(__dirname, '../../../../tmp/inherited-lint-'));
    mkdirSync(join(ws, 'node_modules'), { recursive: true });
    symlinkSync(eslint, join(ws, 'node_modules/eslint'), 'dir');
    write('packages/plain/src/index.ts', 'export const a = 1;');
    write('packages/ignoring/src/index.ts', 'export const a = 1;');
    write('packages/ignoring/.eslintignore', 'src/\n');
    write('packages/nocode/README.md', '# docs');
  });
  afterAll(() => rmSync(ws, { recursive: true, force: true }));

  it('gives no lint target under a root config that ignores every file (the Nx 22 default)', async () => {
    write('.eslintrc.json', { root: true, ignorePatterns: ['**/*'] });
    const lints = createInheritedConfigLintCheck(ws);
    expect(await lints('packages/plain', ['.eslintrc.json'])).toBe(false);
  });

  it('gives one where the inherited config lints a file; a project .eslintignore and no code count as ESLint says', async () => {
    write('.eslintrc.json', { root: true });
    const lints = createInheritedConfigLintCheck(ws);
    expect(await lints('packages/plain', ['.eslintrc.json'])).toBe(true);
    expect(await lints('packages/ignoring', ['.eslintrc.json'])).toBe(false);
    expect(await lints('packages/nocode', ['.eslintrc.json'])).toBe(false);
  });
});
