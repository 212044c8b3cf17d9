import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { installTestPackages } from '../../test-support/install-test-packages';
import { runInChild } from '../../test-support/run-in-child';

// Prettier 3 loads its parsers with dynamic import(), which Jest's sandbox does not run: the real
// formatting runs in a child process against a workspace folder with its own .prettierrc. The
// workspace's Prettier is the repository's (3), or Prettier 2 in its node_modules (Nx 22.0's
// create-nx-workspace installs 2.8).
jest.setTimeout(240_000);

describe.each([
  ['3', undefined],
  ['2', () => join(installTestPackages('prettier2-deps', { prettier: '2' }, 'prettier', '2.'), 'node_modules/prettier')],
])('formatContent with Prettier %s', (major, installed) => {
  const base = join(__dirname, '../../../../../tmp');
  let dir: string;

  beforeAll(() => {
    mkdirSync(base, { recursive: true });
    dir = mkdtempSync(join(base, 'format-content-'));
    writeFileSync(join(dir, '.prettierrc'), JSON.stringify({ singleQuote: true, printWidth: 60 }));
    writeFileSync(join(dir, '.prettierignore'), 'ignored/\n');
    if (installed) {
      mkdirSync(join(dir, 'node_modules'));
      symlinkSync(installed(), join(dir, 'node_modules/prettier'), 'dir');
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const format = (path: string, content: string) =>
    runInChild<string>(join(__dirname, '__fixtures__/format-content-probe.ts'), 'formatInWorkspace', [dir, path, content]).then((result) => result.value);

  it('is the Prettier the workspace resolves', () => {
    const resolved = require.resolve('prettier/package.json', { paths: [dir] });
    expect((JSON.parse(readFileSync(resolved, 'utf8')) as { version: string }).version.split('.')[0]).toBe(major);
  });

  it("formats with the workspace's Prettier config", async () => {
    expect(await format('src/a.ts', 'const a = {b: "c", d: "a long string that needs a break", e: 1};\n')).toBe(
      "const a = {\n  b: 'c',\n  d: 'a long string that needs a break',\n  e: 1,\n};\n",
    );
  });

  it('leaves ignored files and files without a parser alone', async () => {
    expect(await format('ignored/a.ts', 'const a = {b: "c"};\n')).toBe('const a = {b: "c"};\n');
    expect(await format('notes.unknown-ext', 'x  =  1\n')).toBe('x  =  1\n');
  });

  it('writes content Prettier cannot parse unformatted instead of failing', async () => {
    expect(await format('src/broken.ts', 'const = ;\n')).toBe('const = ;\n');
  });
});
