import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runInChild } from '../../test-support/run-in-child';

// Configs are loaded in a child process: whether TypeScript was loaded is a fact of a real module cache.
jest.setTimeout(60_000);

const REPO_ROOT = join(__dirname, '../../../../..');
const LOADER = join(__dirname, '__fixtures__/load-jest-config-in-child.ts');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nxq-load-jest-config-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function load(name: string, text: string) {
  const file = join(dir, name);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  return runInChild<{ config: unknown; typescriptLoaded: boolean }>(LOADER, 'loadJestConfigInChild', [file, REPO_ROOT]);
}

describe('loadJestConfig with a TypeScript config file', () => {
  it('runs a CommonJS jest.config.cts that holds plain JavaScript as it is, without loading TypeScript', async () => {
    const { value } = await load(
      'plain/jest.config.cts',
      "/* eslint-disable */\nconst { join } = require('node:path');\nconst base = { testEnvironment: 'node' };\nmodule.exports = { ...base, displayName: 'plain', coverageDirectory: join('test-output', 'coverage') };\n",
    );
    expect(value).toEqual({ config: { testEnvironment: 'node', displayName: 'plain', coverageDirectory: 'test-output/coverage' }, typescriptLoaded: false });
  });

  it('transpiles a config with type annotations', async () => {
    const { value } = await load('typed/jest.config.cts', "const config: { displayName: string } = { displayName: 'typed' };\nmodule.exports = config;\n");
    expect(value).toEqual({ config: { displayName: 'typed' }, typescriptLoaded: true });
  });

  it('transpiles a config written as an ES module (export default)', async () => {
    const { value } = await load('esm/jest.config.ts', "export default { displayName: 'esm' };\n");
    expect(value).toEqual({ config: { displayName: 'esm' }, typescriptLoaded: true });
  });

  it('reports a SyntaxError the plain config throws while it runs as a load failure of the file, not as TypeScript', async () => {
    await expect(load('throws/jest.config.cts', "module.exports = JSON.parse('{not json');\n")).rejects.toMatchObject({
      code: 'JEST_CONFIG_LOAD_FAILED',
      message: expect.stringMatching(/^Jest config .*throws\/jest\.config\.cts threw while loading: /),
    });
  });

  it('names the line and column of a syntax error neither JavaScript nor TypeScript accepts', async () => {
    await expect(load('broken/jest.config.cts', "module.exports = {\n  displayName: 'broken',,\n};\n")).rejects.toMatchObject({
      code: 'JEST_CONFIG_LOAD_FAILED',
      message: expect.stringMatching(/broken\/jest\.config\.cts:2:\d+ has a syntax error: /),
    });
  });
});
