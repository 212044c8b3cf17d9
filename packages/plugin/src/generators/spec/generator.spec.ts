import { addProjectConfiguration, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { formatContent } from '../shared/format-content';
import generator from './generator';
import type { SpecGeneratorOptions } from './options';

// Prettier 3 loads its parsers with dynamic import(), which Jest's module sandbox does not run reliably,
// so here formatting is checked by its calls.
jest.mock('../shared/format-content', () => ({
  formatContent: jest.fn(async (_tree: unknown, _path: string, content: string) => content),
}));

const specGenerator = (tree: Tree, options: SpecGeneratorOptions) => generator(tree, { skipFormat: true, ...options });

const MODULE = `export type Options = { strict: boolean };
export interface Shape { size: number }
export function parse(text: string): string[] {
  return text.split(',');
}
export const LIMIT = 10;
export class Store {
  #secret = 1;
  constructor(private readonly name = 'store') {}
  get(key: string): string { return this.name + key + this.#secret; }
  protected hidden(): void {}
  static create(): Store { return new Store(); }
  put(): void {}
}
export default function main(): void {}
`;

function workspace(esm = true): Tree {
  const tree = createTreeWithEmptyWorkspace();
  tree.delete('.oxfmtrc.json');
  addProjectConfiguration(tree, 'alpha', {
    root: 'libs/alpha',
    sourceRoot: 'libs/alpha/src',
  });
  tree.write('libs/alpha/package.json', JSON.stringify({ name: '@ws/alpha', ...(esm ? { type: 'module' } : {}) }));
  tree.write('libs/alpha/src/lib/foo.ts', MODULE);
  tree.write('libs/alpha/src/lib/types.ts', 'export type Only = string;\nexport interface Also { a: 1 }\n');
  return tree;
}

const read = (tree: Tree, path: string) => tree.read(path, 'utf-8') ?? '';

describe('spec generator', () => {
  describe('--file', () => {
    it('writes one describe per runtime export with it.todo stubs beside the module', async () => {
      const tree = workspace();
      await specGenerator(tree, { project: 'alpha', file: 'src/lib/foo.ts' });
      expect(read(tree, 'libs/alpha/src/lib/foo.spec.ts')).toMatchInlineSnapshot(`
       "import * as subject from './foo.js';

       describe('foo.ts', () => {
         it('exports what the stubs below describe', () => {
           expect(Object.keys(subject)).toEqual(expect.arrayContaining(['default', 'LIMIT', 'parse', 'Store']));
         });
       });

       describe('default export', () => {
         it.todo('returns the expected result for typical input');
         it.todo('handles edge cases (empty, boundary values)');
         it.todo('rejects invalid input');
       });

       describe('LIMIT', () => {
         it.todo('has the expected value');
       });

       describe('parse', () => {
         it.todo('returns the expected result for typical input');
         it.todo('handles edge cases (empty, boundary values)');
         it.todo('rejects invalid input');
       });

       describe('Store', () => {
         it.todo('constructs with valid arguments');
         it.todo('get()');
         it.todo('put()');
       });
       "
      `);
    });

    it('accepts a workspace-relative path and imports without extension in CommonJS packages', async () => {
      const tree = workspace(false);
      await specGenerator(tree, {
        project: 'alpha',
        file: 'libs/alpha/src/lib/foo.ts',
      });
      expect(read(tree, 'libs/alpha/src/lib/foo.spec.ts')).toContain("import * as subject from './foo';");
    });

    it('refuses a module with only type exports', async () => {
      await expect(
        specGenerator(workspace(), {
          project: 'alpha',
          file: 'src/lib/types.ts',
        }),
      ).rejects.toMatchObject({
        code: 'NO_RUNTIME_EXPORTS',
        file: 'libs/alpha/src/lib/types.ts',
      });
    });

    it('names a missing module and a spec passed as module', async () => {
      await expect(
        specGenerator(workspace(), {
          project: 'alpha',
          file: 'src/lib/nope.ts',
        }),
      ).rejects.toThrow('--file src/lib/nope.ts does not exist');
      await expect(
        specGenerator(workspace(), {
          project: 'alpha',
          file: 'src/lib/foo.spec.ts',
        }),
      ).rejects.toThrow(/file: is already a spec file/);
      await expect(
        specGenerator(workspace(), {
          project: 'alpha',
          file: 'src/lib/foo.md',
        }),
      ).rejects.toThrow(/file: must be a TypeScript module/);
    });
  });

  describe('--location', () => {
    it('auto: uses tests/unit, mirroring src/, when that folder has files', async () => {
      const tree = workspace();
      tree.write('libs/alpha/tests/unit/other.spec.ts', '');
      await specGenerator(tree, { project: 'alpha', file: 'src/lib/foo.ts' });
      expect(read(tree, 'libs/alpha/tests/unit/lib/foo.spec.ts')).toContain("import * as subject from '../../../src/lib/foo.js';");
      expect(tree.exists('libs/alpha/src/lib/foo.spec.ts')).toBe(false);
    });

    it('beside: ignores the unit folder', async () => {
      const tree = workspace();
      tree.write('libs/alpha/tests/unit/other.spec.ts', '');
      await specGenerator(tree, {
        project: 'alpha',
        file: 'src/lib/foo.ts',
        location: 'beside',
      });
      expect(tree.exists('libs/alpha/src/lib/foo.spec.ts')).toBe(true);
    });
  });

  describe('--unitFolder', () => {
    it('places the spec in another unit folder', async () => {
      const tree = workspace();
      await specGenerator(tree, {
        project: 'alpha',
        file: 'src/lib/foo.ts',
        location: 'unit-folder',
        unitFolder: 'test',
      });
      expect(tree.exists('libs/alpha/test/lib/foo.spec.ts')).toBe(true);
    });
  });

  describe('--force', () => {
    it('refuses to overwrite an existing spec (or .test.ts) naming it, and overwrites with --force', async () => {
      const tree = workspace();
      tree.write('libs/alpha/src/lib/foo.spec.ts', '// mine\n');
      await expect(specGenerator(tree, { project: 'alpha', file: 'src/lib/foo.ts' })).rejects.toMatchObject({
        code: 'FILE_EXISTS',
        message: 'spec: refusing to overwrite existing file: libs/alpha/src/lib/foo.spec.ts',
      });
      expect(read(tree, 'libs/alpha/src/lib/foo.spec.ts')).toBe('// mine\n');
      await specGenerator(tree, {
        project: 'alpha',
        file: 'src/lib/foo.ts',
        force: true,
      });
      expect(read(tree, 'libs/alpha/src/lib/foo.spec.ts')).toContain("describe('parse'");

      const other = workspace();
      other.write('libs/alpha/src/lib/foo.test.ts', '// mine\n');
      await expect(specGenerator(other, { project: 'alpha', file: 'src/lib/foo.ts' })).rejects.toThrow('libs/alpha/src/lib/foo.test.ts');
    });
  });

  describe('--skipFormat', () => {
    it('formats the spec unless --skipFormat', async () => {
      const format = jest.mocked(formatContent);
      format.mockClear();
      await specGenerator(workspace(), {
        project: 'alpha',
        file: 'src/lib/foo.ts',
        skipFormat: false,
      });
      expect(format.mock.calls.map(([, path]) => path)).toEqual(['libs/alpha/src/lib/foo.spec.ts']);
    });
  });

  describe('--project', () => {
    it('names an unknown project', async () => {
      await expect(specGenerator(workspace(), { project: 'beta', file: 'src/lib/foo.ts' })).rejects.toThrow('no project named "beta"');
    });
  });

  describe('idempotence', () => {
    it('a second run refuses instead of changing the spec', async () => {
      const tree = workspace();
      await specGenerator(tree, { project: 'alpha', file: 'src/lib/foo.ts' });
      const first = read(tree, 'libs/alpha/src/lib/foo.spec.ts');
      await expect(specGenerator(tree, { project: 'alpha', file: 'src/lib/foo.ts' })).rejects.toMatchObject({ code: 'FILE_EXISTS' });
      expect(read(tree, 'libs/alpha/src/lib/foo.spec.ts')).toBe(first);
    });
  });
});
