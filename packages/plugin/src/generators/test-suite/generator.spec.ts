import { addProjectConfiguration, readJson, readProjectConfiguration, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { formatContent } from '../shared/format-content';
import generator from './generator';
import type { TestSuiteGeneratorOptions } from './options';

// Prettier 3 loads its parsers with dynamic import(), which Jest's module sandbox does not run reliably,
// so here formatting is checked by its calls; real formatting is checked in the workspace run.
jest.mock('../shared/format-content', () => ({
  formatContent: jest.fn(async (_tree: unknown, _path: string, content: string) => content),
}));

const testSuiteGenerator = (tree: Tree, options: TestSuiteGeneratorOptions) => generator(tree, { skipFormat: true, ...options });

/** jest.config.cts as `@nx/js:lib` writes it in Nx 23 (SWC transform). */
const LIB_JEST_CONFIG = `/* eslint-disable */
const { readFileSync } = require('fs');

const swcJestConfig = JSON.parse(readFileSync(\`\${__dirname}/.spec.swcrc\`, 'utf-8'));
swcJestConfig.swcrc = false;

module.exports = {
  displayName: '@ws/alpha',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  transform: {
    '^.+\\\\.[tj]s$': ['@swc/jest', swcJestConfig],
  },
  moduleFileExtensions: ['ts', 'js', 'html'],
  coverageDirectory: 'test-output/jest/coverage',
};
`;

function libWorkspace(): Tree {
  const tree = createTreeWithEmptyWorkspace();
  tree.delete('.oxfmtrc.json');
  tree.write(
    'package.json',
    JSON.stringify({
      name: '@ws/source',
      private: true,
      workspaces: ['packages/*'],
    }),
  );
  tree.write('packages/alpha/package.json', JSON.stringify({ name: '@ws/alpha', version: '0.0.1', type: 'module' }));
  tree.write('packages/alpha/jest.config.cts', LIB_JEST_CONFIG);
  tree.write(
    'packages/alpha/tsconfig.spec.json',
    JSON.stringify({
      extends: '../../tsconfig.base.json',
      include: ['jest.config.cts', 'src/**/*.spec.ts'],
    }),
  );
  tree.write('packages/alpha/src/index.ts', "export * from './lib/alpha.js';\nexport type { Alpha } from './lib/alpha.js';\n");
  tree.write(
    'packages/alpha/src/lib/alpha.ts',
    "export type Alpha = string;\nexport function alpha(): Alpha {\n  return 'alpha';\n}\nexport function greet(name: string): string {\n  return `hi ${name}`;\n}\nexport const VERSION = 1;\n",
  );
  return tree;
}

/** A project.json-based `@nx/node:app` with ts-jest and an entry with side effects (no src/index.ts). */
function appWorkspace(): Tree {
  const tree = createTreeWithEmptyWorkspace();
  tree.delete('.oxfmtrc.json');
  addProjectConfiguration(tree, 'api', {
    root: 'apps/api',
    sourceRoot: 'apps/api/src',
    projectType: 'application',
    tags: ['scope:api'],
  });
  tree.write(
    'apps/api/jest.config.ts',
    "export default {\n  displayName: 'api',\n  preset: '../../jest.preset.js',\n  testEnvironment: 'node',\n  transform: { '^.+\\\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },\n  moduleFileExtensions: ['ts', 'js', 'html'],\n  coverageDirectory: '../../coverage/apps/api',\n};\n",
  );
  tree.write('apps/api/tsconfig.spec.json', JSON.stringify({ include: ['src/**/*.spec.ts'] }));
  tree.write('apps/api/src/main.ts', "console.log('Hello World');\n");
  return tree;
}

function changedFiles(tree: Tree): Record<string, string> {
  return Object.fromEntries(tree.listChanges().map((change) => [change.path, change.content?.toString() ?? '']));
}

const read = (tree: Tree, path: string) => tree.read(path, 'utf-8') ?? '';

describe('test-suite generator', () => {
  describe('--kinds', () => {
    it('creates one folder with an example spec per kind', async () => {
      const tree = libWorkspace();
      await testSuiteGenerator(tree, {
        project: '@ws/alpha',
        kinds: 'unit,integration,e2e,security,performance',
      });
      expect(tree.children('packages/alpha/tests').sort()).toEqual(['e2e', 'integration', 'performance', 'security', 'unit']);
      expect(tree.children('packages/alpha/tests/unit')).toEqual(['public-api.spec.ts']);
      expect(tree.children('packages/alpha/tests/integration')).toEqual(['module-wiring.spec.ts']);
      expect(tree.children('packages/alpha/tests/e2e')).toEqual(['consumer.spec.ts']);
      expect(tree.children('packages/alpha/tests/security')).toEqual(['source-hygiene.spec.ts']);
      expect(tree.children('packages/alpha/tests/performance')).toEqual(['load-budget.spec.ts']);
    });

    it('writes example specs that import the entry and assert on its runtime exports', async () => {
      const tree = libWorkspace();
      await testSuiteGenerator(tree, {
        project: '@ws/alpha',
        kinds: ['unit', 'integration'],
      });
      expect(read(tree, 'packages/alpha/tests/unit/public-api.spec.ts')).toMatchInlineSnapshot(`
       "import * as entry from '../../src/index.js';

       // Example unit spec (@nx-quality/plugin:test-suite): it pins the public API of @ws/alpha.
       // Add focused tests of single functions and classes beside it.
       describe('public API of @ws/alpha', () => {
         it('exports alpha', () => {
           expect(typeof entry.alpha).toBe('function');
           expect(() => entry.alpha()).not.toThrow();
         });
         it('exports greet', () => {
           expect(typeof entry.greet).toBe('function');
         });
         it('exports VERSION', () => {
           expect(entry.VERSION).toBeDefined();
         });
       });
       "
      `);
      expect(read(tree, 'packages/alpha/tests/integration/module-wiring.spec.ts')).toMatchInlineSnapshot(`
       "import * as entry from '../../src/index.js';
       import * as module0 from '../../src/lib/alpha.js';

       // Example integration spec (@nx-quality/plugin:test-suite): the entry of @ws/alpha must hand out the
       // very bindings its modules define. Add tests that run several modules together here.
       describe('module wiring of @ws/alpha', () => {
         it('re-exports alpha from src/lib/alpha.ts', () => {
           expect(entry.alpha).toBe(module0.alpha);
         });
         it('re-exports greet from src/lib/alpha.ts', () => {
           expect(entry.greet).toBe(module0.greet);
         });
         it('re-exports VERSION from src/lib/alpha.ts', () => {
           expect(entry.VERSION).toBe(module0.VERSION);
         });
       });
       "
      `);
    });

    it('wires one Jest project per kind after the existing settings', async () => {
      const tree = libWorkspace();
      await testSuiteGenerator(tree, {
        project: '@ws/alpha',
        kinds: 'integration,e2e',
      });
      const config = read(tree, 'packages/alpha/jest.config.cts');
      expect(config.startsWith(LIB_JEST_CONFIG)).toBe(true);
      expect(config.slice(LIB_JEST_CONFIG.length)).toMatchInlineSnapshot(`
       "
       // <nx-quality:test-kinds>
       // Generated by @nx-quality/plugin:test-suite and rebuilt on its next run: change shared settings above.
       // One Jest project per test kind: \`nx test <project>\` runs all, \`nx test <project> --selectProjects=<kind>\` one.
       const testKindsBaseConfig = module.exports;
       module.exports = {
         ...testKindsBaseConfig,
         projects: [
           { ...testKindsBaseConfig, displayName: 'unit', testMatch: ['<rootDir>/src/**/?(*.)+(spec|test).?([mc])[jt]s?(x)', '<rootDir>/tests/unit/**/?(*.)+(spec|test).?([mc])[jt]s?(x)'] },
           { ...testKindsBaseConfig, displayName: 'integration', testMatch: ['<rootDir>/tests/integration/**/?(*.)+(spec|test).?([mc])[jt]s?(x)'] },
           { ...testKindsBaseConfig, displayName: 'e2e', testMatch: ['<rootDir>/tests/e2e/**/?(*.)+(spec|test).?([mc])[jt]s?(x)'] },
         ],
       };
       // </nx-quality:test-kinds>
       "
      `);
    });

    it('rejects kinds that are not folder names, naming the option', async () => {
      const tree = libWorkspace();
      await expect(
        testSuiteGenerator(tree, {
          project: '@ws/alpha',
          kinds: 'unit,Integration Tests',
        }),
      ).rejects.toThrow(/kinds\[1\]: must be a lower-case folder name/);
    });

    it('adds kinds to an earlier run and keeps the earlier ones wired', async () => {
      const tree = libWorkspace();
      await testSuiteGenerator(tree, { project: '@ws/alpha', kinds: 'unit' });
      await testSuiteGenerator(tree, {
        project: '@ws/alpha',
        kinds: 'security',
      });
      const config = read(tree, 'packages/alpha/jest.config.cts');
      expect(config.match(/displayName: '(\w+)', testMatch/g)).toEqual([
        "displayName: 'unit', testMatch",
        "displayName: 'security', testMatch",
      ]);
      expect(config.match(/<nx-quality:test-kinds>/g)).toHaveLength(1);
    });
  });

  describe('--layout', () => {
    it('layered: one folder and Jest project per layer, colocated specs stay in unit', async () => {
      const tree = libWorkspace();
      await testSuiteGenerator(tree, {
        project: '@ws/alpha',
        layout: 'layered',
      });
      expect(tree.children('packages/alpha/tests').sort()).toEqual(['api', 'core', 'database', 'middleware', 'services']);
      expect(read(tree, 'packages/alpha/tests/api/api.spec.ts')).toMatchInlineSnapshot(`
       "import * as entry from '../../src/index.js';

       // Example api spec (@nx-quality/plugin:test-suite): the tests of the api part of
       // @ws/alpha go in this folder. This one checks that the public entry is reachable from here.
       describe('api tests of @ws/alpha', () => {
         it('reaches the public entry', () => {
           expect(Object.keys(entry)).toEqual(expect.arrayContaining(['alpha', 'greet', 'VERSION']));
         });
       });
       "
      `);
      const displayNames = read(tree, 'packages/alpha/jest.config.cts').match(/displayName: '(\w+)'/g);
      expect(displayNames).toEqual([
        "displayName: 'unit'",
        "displayName: 'api'",
        "displayName: 'services'",
        "displayName: 'middleware'",
        "displayName: 'database'",
        "displayName: 'core'",
      ]);
    });

    it('refuses --kinds together with the layered layout', async () => {
      await expect(
        testSuiteGenerator(libWorkspace(), {
          project: '@ws/alpha',
          layout: 'layered',
          kinds: 'unit',
        }),
      ).rejects.toThrow('do not pass --kinds');
    });

    it('names a bad layout value', async () => {
      await expect(
        testSuiteGenerator(libWorkspace(), {
          project: '@ws/alpha',
          layout: 'flat' as 'kinds',
        }),
      ).rejects.toThrow(/layout: /);
    });
  });

  describe('--project', () => {
    it('works on a project.json app with ts-jest and `export default` config, without importing its main', async () => {
      const tree = appWorkspace();
      await testSuiteGenerator(tree, {
        project: 'api',
        kinds: 'unit,integration',
      });
      expect(read(tree, 'apps/api/jest.config.ts')).toMatchInlineSnapshot(`
       "const testKindsBaseConfig = {
         displayName: 'api',
         preset: '../../jest.preset.js',
         testEnvironment: 'node',
         transform: { '^.+\\\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
         moduleFileExtensions: ['ts', 'js', 'html'],
         coverageDirectory: '../../coverage/apps/api',
       };

       // <nx-quality:test-kinds>
       // Generated by @nx-quality/plugin:test-suite and rebuilt on its next run: change shared settings above.
       // One Jest project per test kind: \`nx test <project>\` runs all, \`nx test <project> --selectProjects=<kind>\` one.
       export default {
         ...testKindsBaseConfig,
         projects: [
           { ...testKindsBaseConfig, displayName: 'unit', testMatch: ['<rootDir>/src/**/?(*.)+(spec|test).?([mc])[jt]s?(x)', '<rootDir>/tests/unit/**/?(*.)+(spec|test).?([mc])[jt]s?(x)'] },
           { ...testKindsBaseConfig, displayName: 'integration', testMatch: ['<rootDir>/tests/integration/**/?(*.)+(spec|test).?([mc])[jt]s?(x)'] },
         ],
       };
       // </nx-quality:test-kinds>
       "
      `);
      expect(read(tree, 'apps/api/tests/unit/unit-sources.spec.ts')).toMatchInlineSnapshot(`
       "import { readdirSync, readFileSync } from 'node:fs';
       import { join } from 'node:path';

       // Example unit spec (@nx-quality/plugin:test-suite): api has no side-effect-free entry
       // module to import, so this checks its sources; replace it with unit tests of its modules.
       const sourceDir = join(__dirname, '../..', 'src');

       function sourceFiles(dir: string): string[] {
         return readdirSync(dir, { withFileTypes: true }).flatMap((item) => {
           const path = join(dir, item.name);
           if (item.isDirectory()) return sourceFiles(path);
           return /\\.[cm]?[jt]sx?$/.test(item.name) ? [path] : [];
         });
       }

       describe('unit tests of api', () => {
         it('has TypeScript or JavaScript sources, none of them empty', () => {
           const files = sourceFiles(sourceDir);
           expect(files.length).toBeGreaterThan(0);
           expect(files.filter((file) => readFileSync(file, 'utf8').trim() === '')).toEqual([]);
         });
       });
       "
      `);
      expect(readProjectConfiguration(tree, 'api').tags).toEqual(['scope:api', 'test-kind:unit', 'test-kind:integration']);
    });

    it('explains how to add Jest when the project has no Jest config', async () => {
      const tree = appWorkspace();
      tree.delete('apps/api/jest.config.ts');
      await expect(testSuiteGenerator(tree, { project: 'api' })).rejects.toMatchObject({
        code: 'NO_JEST_CONFIG',
        hint: 'Add Jest first: nx g @nx/jest:configuration --project=api',
      });
    });

    it('finds a jest.config.json as inference and the test executor do, and says how to make it wireable', async () => {
      const tree = appWorkspace();
      tree.delete('apps/api/jest.config.ts');
      tree.write('apps/api/jest.config.json', '{ "testEnvironment": "node" }');
      await expect(testSuiteGenerator(tree, { project: 'api' })).rejects.toMatchObject({
        code: 'JEST_CONFIG_SHAPE',
        file: 'apps/api/jest.config.json',
        hint: 'Rename it to jest.config.js with `module.exports = <the JSON object>;`, then run the generator again.',
      });
      expect(tree.read('apps/api/jest.config.json', 'utf-8')).toBe('{ "testEnvironment": "node" }');
    });

    it('lists the known projects for an unknown name', async () => {
      await expect(testSuiteGenerator(appWorkspace(), { project: 'web' })).rejects.toThrow('no project named "web"');
    });
  });

  describe('--directory', () => {
    it('uses another folder for the kinds, in Jest, tsconfig and relative paths', async () => {
      const tree = libWorkspace();
      await testSuiteGenerator(tree, {
        project: '@ws/alpha',
        kinds: 'security',
        directory: 'test/suites',
      });
      expect(read(tree, 'packages/alpha/jest.config.cts')).toContain(
        "'<rootDir>/test/suites/security/**/?(*.)+(spec|test).?([mc])[jt]s?(x)'",
      );
      expect(readJson(tree, 'packages/alpha/tsconfig.spec.json').include).toContain('test/suites/**/*.ts');
      expect(read(tree, 'packages/alpha/test/suites/security/source-hygiene.spec.ts')).toContain("join(__dirname, '../../..')");
    });

    it('refuses a folder outside the project', async () => {
      await expect(
        testSuiteGenerator(libWorkspace(), {
          project: '@ws/alpha',
          directory: '../x',
        }),
      ).rejects.toThrow(/directory: /);
    });
  });

  describe('--entry', () => {
    it('tests another module than src/index.ts', async () => {
      const tree = libWorkspace();
      await testSuiteGenerator(tree, {
        project: '@ws/alpha',
        kinds: 'unit',
        entry: 'src/lib/alpha.ts',
      });
      expect(read(tree, 'packages/alpha/tests/unit/public-api.spec.ts')).toContain("import * as entry from '../../src/lib/alpha.js';");
    });

    it('names a missing entry', async () => {
      await expect(
        testSuiteGenerator(libWorkspace(), {
          project: '@ws/alpha',
          entry: 'src/nope.ts',
        }),
      ).rejects.toThrow('--entry src/nope.ts does not exist');
    });
  });

  describe('--examples', () => {
    it('creates empty kind folders when false', async () => {
      const tree = libWorkspace();
      await testSuiteGenerator(tree, {
        project: '@ws/alpha',
        kinds: 'e2e',
        examples: false,
      });
      expect(tree.children('packages/alpha/tests/e2e')).toEqual(['.gitkeep']);
    });
  });

  describe('--force', () => {
    it('leaves kind folders that already have files alone, and regenerates edited examples only with --force', async () => {
      const tree = libWorkspace();
      await testSuiteGenerator(tree, { project: '@ws/alpha', kinds: 'unit' });
      tree.write('packages/alpha/tests/unit/public-api.spec.ts', '// mine\n');
      await testSuiteGenerator(tree, { project: '@ws/alpha', kinds: 'unit' });
      expect(read(tree, 'packages/alpha/tests/unit/public-api.spec.ts')).toBe('// mine\n');
      await testSuiteGenerator(tree, {
        project: '@ws/alpha',
        kinds: 'unit',
        force: true,
      });
      expect(read(tree, 'packages/alpha/tests/unit/public-api.spec.ts')).toContain('public API of @ws/alpha');
    });
  });

  describe('--skipFormat', () => {
    it('formats the examples unless --skipFormat', async () => {
      const format = jest.mocked(formatContent);
      format.mockClear();
      await testSuiteGenerator(libWorkspace(), {
        project: '@ws/alpha',
        kinds: 'unit',
        skipFormat: false,
      });
      expect(format.mock.calls.map(([, path]) => path)).toEqual(['packages/alpha/tests/unit/public-api.spec.ts']);
      format.mockClear();
      await testSuiteGenerator(libWorkspace(), {
        project: '@ws/alpha',
        kinds: 'unit',
      });
      expect(format).not.toHaveBeenCalled();
    });
  });

  describe('records the kinds', () => {
    it('as test-kind tags in package.json "nx" and tsconfig.spec.json includes', async () => {
      const tree = libWorkspace();
      await testSuiteGenerator(tree, {
        project: '@ws/alpha',
        kinds: 'unit,e2e',
      });
      expect(readJson(tree, 'packages/alpha/package.json').nx).toEqual({
        tags: ['test-kind:unit', 'test-kind:e2e'],
      });
      expect(readJson(tree, 'packages/alpha/tsconfig.spec.json').include).toEqual(['jest.config.cts', 'src/**/*.spec.ts', 'tests/**/*.ts']);
    });
  });

  describe('idempotence', () => {
    it('changes nothing on a second run', async () => {
      for (const [tree, project] of [
        [libWorkspace(), '@ws/alpha'],
        [appWorkspace(), 'api'],
      ] as const) {
        await testSuiteGenerator(tree, {
          project,
          kinds: 'unit,integration,e2e,security,performance',
        });
        const first = changedFiles(tree);
        await testSuiteGenerator(tree, {
          project,
          kinds: 'unit,integration,e2e,security,performance',
        });
        expect(changedFiles(tree)).toEqual(first);
      }
    });
  });
});
