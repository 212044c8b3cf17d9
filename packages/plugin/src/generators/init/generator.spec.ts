import { logger, readJson, readNxJson, updateNxJson, writeJson, type NxJsonConfiguration, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from 'nx/src/devkit-testing-exports';
import initGenerator from './generator';
import { OfficialPluginNotCarriedError } from './official-plugin-not-carried-error';
import type { InitGeneratorOptions } from './options';

// nx.json of a fresh create-nx-workspace@23 --preset=ts workspace.
const TS_PRESET_PLUGINS: NxJsonConfiguration['plugins'] = [
  {
    plugin: '@nx/js/typescript',
    options: {
      typecheck: { targetName: 'typecheck' },
      build: { targetName: 'build', configName: 'tsconfig.lib.json', buildDepsName: 'build-deps', watchDepsName: 'watch-deps' },
    },
  },
  { plugin: '@nx/eslint/plugin', options: { targetName: 'lint' } },
  { plugin: '@nx/jest/plugin', options: { targetName: 'test' } },
];

describe('init generator', () => {
  let tree: Tree;
  const run = (options: InitGeneratorOptions = {}) => initGenerator(tree, { skipFormat: true, ...options });
  const setNxJson = (patch: Partial<NxJsonConfiguration>) => updateNxJson(tree, { ...readNxJson(tree), ...patch });
  const snapshotOfTree = () => Object.fromEntries(['nx.json', 'package.json', '.gitignore', 'project.json'].filter((f) => tree.exists(f)).map((f) => [f, tree.read(f, 'utf-8')]));

  beforeEach(() => {
    tree = createTreeWithEmptyWorkspace();
    writeJson(tree, 'package.json', { name: '@ws/source', private: true, workspaces: ['packages/*'], devDependencies: {} });
  });

  describe('defaults (no official plugins)', () => {
    it('registers the plugin, adds the report target to the root package.json and ignores the results', async () => {
      await run();
      expect(readNxJson(tree)?.plugins).toMatchInlineSnapshot(`
[
  "@nx-quality/plugin",
]
`);
      expect(readJson(tree, 'package.json')).toMatchInlineSnapshot(`
{
  "dependencies": {},
  "devDependencies": {
    "@nx-quality/plugin": "^0.1.0",
  },
  "name": "@ws/source",
  "nx": {
    "includedScripts": [],
    "targets": {
      "quality-report": {
        "executor": "@nx-quality/plugin:quality-report",
      },
    },
  },
  "private": true,
  "workspaces": [
    "packages/*",
  ],
}
`);
      expect(tree.read('.gitignore', 'utf-8')).toContain('# nx-quality results\n/dist/quality\n/dist/quality-report\n');
    });

    it('is idempotent: a second run changes nothing', async () => {
      await run();
      const first = snapshotOfTree();
      await run();
      expect(snapshotOfTree()).toEqual(first);
    });

    it('keeps a .gitignore that already ignores dist', async () => {
      tree.write('.gitignore', 'node_modules\n/dist\n');
      await run();
      expect(tree.read('.gitignore', 'utf-8')).toBe('node_modules\n/dist\n');
    });
  });

  describe('with the official plugins registered and replaceOfficial off', () => {
    beforeEach(() => setNxJson({ plugins: structuredClone(TS_PRESET_PLUGINS), targetDefaults: { test: { dependsOn: ['^build'] } } }));

    it('names our targets quality-* and gives quality-test the dependsOn of test', async () => {
      await run();
      const nxJson = readNxJson(tree);
      expect(nxJson?.plugins?.slice(3)).toMatchInlineSnapshot(`
[
  {
    "options": {
      "lintTargetName": "quality-lint",
      "testTargetName": "quality-test",
      "typecheckTargetName": "quality-typecheck",
    },
    "plugin": "@nx-quality/plugin",
  },
]
`);
      expect(nxJson?.plugins?.slice(0, 3)).toEqual(TS_PRESET_PLUGINS);
      expect(nxJson?.targetDefaults).toMatchInlineSnapshot(`
{
  "quality-test": {
    "dependsOn": [
      "^build",
    ],
  },
  "test": {
    "dependsOn": [
      "^build",
    ],
  },
}
`);
    });

    it('reads Nx 23 array-style target defaults, using the entry for the official plugin', async () => {
      setNxJson({
        targetDefaults: {
          test: [
            { dependsOn: ['^compile'] },
            { filter: { plugin: '@nx/jest/plugin' }, dependsOn: ['^build'] },
            { filter: { plugin: '@nx/vite/plugin' }, dependsOn: ['^vite'] },
          ],
        } as unknown as NxJsonConfiguration['targetDefaults'],
      });
      await run();
      expect((readNxJson(tree)?.targetDefaults as Record<string, unknown>)['quality-test']).toEqual({ dependsOn: ['^build'] });
    });

    it("gives quality-typecheck the dependsOn of typecheck with ours in place of the official target's dependencies'", async () => {
      setNxJson({ plugins: structuredClone(TS_PRESET_PLUGINS), targetDefaults: { typecheck: { dependsOn: ['build', '^typecheck'] } } });
      await run();
      expect((readNxJson(tree)?.targetDefaults as Record<string, unknown>)['quality-typecheck']).toEqual({ dependsOn: ['build', '^quality-typecheck'] });
    });

    it('does not rename a kind whose official target is off or named differently', async () => {
      setNxJson({
        plugins: [
          { plugin: '@nx/js/typescript', options: { typecheck: false } },
          { plugin: '@nx/jest/plugin', options: { targetName: 'jest' } },
        ],
      });
      await run();
      expect(readNxJson(tree)?.plugins?.at(-1)).toBe('@nx-quality/plugin');
    });

    it('says once per kind which target it names quality-*, however many registrations infer the name (angular-eslint: @nx/js/typescript twice)', async () => {
      setNxJson({
        plugins: [
          { plugin: '@nx/eslint/plugin', options: {} },
          { plugin: '@nx/js/typescript', include: ['packages/builder/**'], options: { build: { targetName: 'compile' } } },
          { plugin: '@nx/js/typescript', exclude: ['packages/builder/**'], options: { build: { targetName: 'build', configName: 'tsconfig.lib.json' } } },
        ],
      });
      const info = jest.spyOn(logger, 'info').mockImplementation(() => undefined);
      try {
        await run();
        expect(info.mock.calls.map(([message]) => message).filter((message) => String(message).includes('already infers'))).toEqual([
          'nx-quality: @nx/eslint/plugin already infers "lint"; ours is "quality-lint" (run with --replaceOfficial to take over "lint")',
          'nx-quality: @nx/js/typescript already infers "typecheck"; ours is "quality-typecheck" (run with --replaceOfficial to take over "typecheck")',
        ]);
      } finally {
        info.mockRestore();
      }
    });

    it('is idempotent', async () => {
      await run();
      const first = snapshotOfTree();
      await run();
      expect(snapshotOfTree()).toEqual(first);
    });
  });

  describe('replaceOfficial', () => {
    beforeEach(() => setNxJson({ plugins: structuredClone(TS_PRESET_PLUGINS) }));

    it('removes @nx/jest and @nx/eslint, turns off the @nx/js typecheck target and keeps our default names', async () => {
      await run({ replaceOfficial: true });
      expect(readNxJson(tree)?.plugins).toMatchInlineSnapshot(`
[
  {
    "options": {
      "build": {
        "buildDepsName": "build-deps",
        "configName": "tsconfig.lib.json",
        "targetName": "build",
        "watchDepsName": "watch-deps",
      },
      "typecheck": false,
    },
    "plugin": "@nx/js/typescript",
  },
  {
    "options": {
      "lintTargetName": "lint",
      "testExclude": [
        "**/jest.config.json",
      ],
      "testTargetName": "test",
      "typecheckTargetName": "typecheck",
    },
    "plugin": "@nx-quality/plugin",
  },
]
`);
    });

    it('after a run without it, drops the quality-* names it had chosen', async () => {
      await run();
      await run({ replaceOfficial: true });
      // The names it carries over are set, defaults included (resolveTargetNames honours a set name everywhere).
      expect(readNxJson(tree)?.plugins?.at(-1)).toEqual({
        plugin: '@nx-quality/plugin',
        options: { testTargetName: 'test', lintTargetName: 'lint', typecheckTargetName: 'typecheck', testExclude: ['**/jest.config.json'] },
      });
    });

    it('points array-style defaults filtered to a removed plugin at ours', async () => {
      setNxJson({
        targetDefaults: {
          test: [{ filter: { plugin: '@nx/jest/plugin' }, dependsOn: ['^build'] }, { filter: { projects: ['tag:e2e'] }, cache: false }],
        } as unknown as NxJsonConfiguration['targetDefaults'],
      });
      await run({ replaceOfficial: true });
      expect((readNxJson(tree)?.targetDefaults as Record<string, unknown>)['test']).toEqual([
        { filter: { plugin: '@nx-quality/plugin' }, dependsOn: ['^build'] },
        { filter: { projects: ['tag:e2e'] }, cache: false },
      ]);
    });

    it('is idempotent', async () => {
      await run({ replaceOfficial: true });
      const first = snapshotOfTree();
      await run({ replaceOfficial: true });
      expect(snapshotOfTree()).toEqual(first);
    });
  });

  describe('replaceOfficial carries the official entries over', () => {
    const ours = () => readNxJson(tree)?.plugins?.find((entry) => typeof entry === 'object' && entry.plugin === '@nx-quality/plugin');

    it("takes their include/exclude and target names into our options, and @nx/js/typescript's into typecheckInclude/Exclude", async () => {
      setNxJson({
        plugins: [
          { plugin: '@nx/js/typescript', include: ['packages/**'], options: { typecheck: { targetName: 'tsc' }, build: { targetName: 'build' } } },
          { plugin: '@nx/eslint/plugin', include: ['packages/**'], options: { targetName: 'lint' } },
          { plugin: '@nx/jest/plugin', exclude: ['e2e/**'], options: { targetName: 'test', disableJestRuntime: false } },
        ],
      });
      await run({ replaceOfficial: true });
      expect(readNxJson(tree)?.plugins).toMatchInlineSnapshot(`
[
  {
    "include": [
      "packages/**",
    ],
    "options": {
      "build": {
        "targetName": "build",
      },
      "typecheck": false,
    },
    "plugin": "@nx/js/typescript",
  },
  {
    "options": {
      "lintInclude": [
        "packages/**",
      ],
      "lintTargetName": "lint",
      "testExclude": [
        "e2e/**",
        "**/jest.config.json",
      ],
      "testTargetName": "test",
      "typecheckInclude": [
        "packages/**",
      ],
      "typecheckTargetName": "tsc",
    },
    "plugin": "@nx-quality/plugin",
  },
]
`);
      const first = JSON.stringify(readNxJson(tree));
      await run({ replaceOfficial: true });
      expect(JSON.stringify(readNxJson(tree))).toBe(first);
    });

    it('joins the includes of entries that share one exclude list, and an entry without include covers everything', async () => {
      setNxJson({
        plugins: [
          { plugin: '@nx/jest/plugin', include: ['libs/**'], exclude: ['**/e2e/**'], options: { targetName: 'unit' } },
          { plugin: '@nx/jest/plugin', include: ['apps/**'], exclude: ['**/e2e/**'], options: { targetName: 'unit' } },
          { plugin: '@nx/eslint/plugin', include: ['libs/**'] },
          '@nx/eslint/plugin',
        ],
      });
      await run({ replaceOfficial: true });
      expect(ours()).toEqual({ plugin: '@nx-quality/plugin', options: { testTargetName: 'unit', testInclude: ['libs/**', 'apps/**'], testExclude: ['**/e2e/**', '**/jest.config.json'], lintTargetName: 'lint' } });
    });

    it("names every refusal and its fix in one message (angular-eslint's two @nx/jest/plugin entries)", async () => {
      setNxJson({
        plugins: [
          { plugin: '@nx/jest/plugin', exclude: ['e2e/**'], options: { targetName: 'test' } },
          { plugin: '@nx/jest/plugin', include: ['e2e/**/*'], options: { targetName: 'e2e-local', ciTargetName: 'e2e-ci' } },
        ],
      });
      const before = tree.read('nx.json', 'utf-8');
      const error = (await run({ replaceOfficial: true }).then(
        () => undefined,
        (thrown: unknown) => thrown,
      )) as OfficialPluginNotCarriedError;
      expect(error).toBeInstanceOf(OfficialPluginNotCarriedError);
      expect(error.message.split('\n')).toEqual([
        'init --replaceOfficial: nx.json was left unchanged, for 2 reasons:',
        expect.stringMatching(/^ {2}- @nx\/jest\/plugin option "ciTargetName" creates atomized CI targets/),
        expect.stringMatching(/^ {4}Fix: Remove "ciTargetName" from the @nx\/jest\/plugin entry/),
        expect.stringMatching(/^ {2}- @nx\/jest\/plugin is registered 2 times with different target names \(test, e2e-local\)/),
        expect.stringMatching(/^ {4}Fix: Give the @nx\/jest\/plugin entries one targetName/),
      ]);
      expect(tree.read('nx.json', 'utf-8')).toBe(before);
    });

    it('refuses, writing nothing, what our options cannot express', async () => {
      const cases: [NxJsonConfiguration, { code: string; message: RegExp; hint: RegExp }][] = [
        [
          { plugins: [{ plugin: '@nx/jest/plugin', options: { targetName: 'test', ciTargetName: 'test-ci' } }] },
          { code: 'OFFICIAL_OPTION_NOT_SUPPORTED', message: /option "ciTargetName" creates atomized CI targets/, hint: /Remove "ciTargetName" from the @nx\/jest\/plugin entry/ },
        ],
        [
          { plugins: [{ plugin: '@nx/jest/plugin', options: { targetName: 'test' } }, { plugin: '@nx/jest/plugin', include: ['e2e/**'], options: { targetName: 'e2e' } }] },
          { code: 'OFFICIAL_ENTRIES_DISAGREE', message: /different target names \(test, e2e\)/, hint: /one targetName/ },
        ],
        [
          { plugins: [{ plugin: '@nx/eslint/plugin', exclude: ['e2e/**'] }, { plugin: '@nx/eslint/plugin', exclude: ['tools/**'] }] },
          { code: 'OFFICIAL_ENTRIES_DISAGREE', message: /cannot express/, hint: /Merge the @nx\/eslint\/plugin entries/ },
        ],
        [
          { plugins: [{ plugin: '@nx/js/typescript', options: { typecheck: { configName: 'tsconfig.lib.json' } } }] },
          { code: 'OFFICIAL_OPTION_NOT_SUPPORTED', message: /from tsconfig\.lib\.json \(typecheck\.configName\)/, hint: /without --replaceOfficial/ },
        ],
        [
          { plugins: ['@nx/jest/plugin'], targetDefaults: { test: { options: { passWithNoTests: true }, configurations: { ci: { ci: true, codeCoverage: true } } } } },
          { code: 'OFFICIAL_DEFAULTS_NOT_SUPPORTED', message: /targetDefaults\["test"\]\.configurations\.ci sets "codeCoverage"/, hint: /Remove codeCoverage/ },
        ],
        [
          { plugins: ['@nx/eslint/plugin'], targetDefaults: { lint: { inputs: ['default'] } } },
          { code: 'OFFICIAL_DEFAULTS_NOT_SUPPORTED', message: /sets inputs, which would replace those of nx-quality's lint target/, hint: /Remove inputs/ },
        ],
        [
          { plugins: ['@nx/jest/plugin', { plugin: '@nx-quality/plugin', options: { testExclude: ['tools/**'] } }] },
          { code: 'OFFICIAL_OPTIONS_CONFLICT', message: /already sets testExclude \["tools\/\*\*"\]/, hint: /Remove testExclude/ },
        ],
      ];
      for (const [nxJson, expected] of cases) {
        setNxJson({ ...nxJson, targetDefaults: nxJson.targetDefaults ?? {} });
        const before = tree.read('nx.json', 'utf-8');
        const error = await run({ replaceOfficial: true }).then(
          () => undefined,
          (thrown: unknown) => thrown,
        );
        expect(error).toBeInstanceOf(OfficialPluginNotCarriedError);
        expect(error).toMatchObject({ code: expected.code, message: expect.stringMatching(expected.message), hint: expect.stringMatching(expected.hint) });
        expect(tree.read('nx.json', 'utf-8')).toBe(before);
      }
    });

    it('keeps target defaults our executor takes: they apply to our target by its name', async () => {
      setNxJson({ plugins: ['@nx/jest/plugin'], targetDefaults: { test: { dependsOn: ['^build'], options: { passWithNoTests: true }, configurations: { ci: { ci: true } } } } });
      await run({ replaceOfficial: true });
      expect(readNxJson(tree)?.targetDefaults).toEqual({ test: { dependsOn: ['^build'], options: { passWithNoTests: true }, configurations: { ci: { ci: true } } } });
      expect(readNxJson(tree)?.plugins).toEqual([{ plugin: '@nx-quality/plugin', options: { testTargetName: 'test', testExclude: ['**/jest.config.json'] } }]);
    });
  });

  describe('reportTargetName', () => {
    it('adds the report target to a root project.json when there is one, keeping an existing one', async () => {
      writeJson(tree, 'project.json', { name: 'app', targets: {} });
      await run({ reportTargetName: 'report' });
      expect(readJson(tree, 'project.json').targets).toEqual({ report: { executor: '@nx-quality/plugin:quality-report' } });
      expect(readJson(tree, 'package.json').nx).toBeUndefined();
      writeJson(tree, 'project.json', { name: 'app', targets: { report: { executor: 'custom:report' } } });
      await run({ reportTargetName: 'report' });
      expect(readJson(tree, 'project.json').targets.report).toEqual({ executor: 'custom:report' });
    });
  });

  describe('skipPackageJson', () => {
    it('leaves devDependencies alone', async () => {
      await run({ skipPackageJson: true });
      expect(readJson(tree, 'package.json').devDependencies).toEqual({});
    });
  });

  describe('keepExistingVersions', () => {
    it('keeps a version the workspace already pins', async () => {
      writeJson(tree, 'package.json', { name: '@ws/source', devDependencies: { '@nx-quality/plugin': '0.0.9' } });
      await run({ keepExistingVersions: true });
      expect(readJson(tree, 'package.json').devDependencies['@nx-quality/plugin']).toBe('0.0.9');
    });
  });

  describe('bad options', () => {
    it('names the option', async () => {
      await expect(run({ reportTargetName: 'a b' })).rejects.toThrow(/reportTargetName: must be a target name/);
      await expect(run({ replace: true } as unknown as InitGeneratorOptions)).rejects.toThrow(/Unrecognized key: "replace"/);
    });
  });
});
