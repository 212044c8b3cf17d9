import { existsSync } from 'node:fs';
import { join, posix } from 'node:path';
import { findJestConfigFile, JEST_CONFIG_FILE_NAMES, OFFICIAL_JEST_CONFIG_FILE_NAMES } from './jest-config-files';
import { retargetSelfDependencies } from './retarget-self-dependencies';
import { scriptTestRunner } from './script-test-runner';
import { targetDefaultDependsOn } from './target-default-depends-on';
import { declaresTestBlock, findVitestConfigFile, VITEST_CONFIG_FILE_NAMES } from './vitest-config-files';

const fixtures = join(__dirname, '../executors/run-tests/__fixtures__/jest-workspace');

describe('findJestConfigFile', () => {
  it("finds a project's Jest config in Jest's order, keeping the caller's path style", () => {
    expect(findJestConfigFile(join(fixtures, 'libs/nx-style'), existsSync, join)).toBe(join(fixtures, 'libs/nx-style/jest.config.cts'));
    expect(findJestConfigFile('libs/async-config', (file) => existsSync(join(fixtures, file)), posix.join)).toBe('libs/async-config/jest.config.mts');
    expect(findJestConfigFile('libs/no-config', (file) => existsSync(join(fixtures, file)), posix.join)).toBeUndefined();
    const both = new Set(['p/jest.config.json', 'p/jest.config.ts']);
    expect(findJestConfigFile('p', (file) => both.has(file), posix.join)).toBe('p/jest.config.ts');
  });

  it('knows which names @nx/jest/plugin matches', () => {
    expect(JEST_CONFIG_FILE_NAMES.filter((name) => !OFFICIAL_JEST_CONFIG_FILE_NAMES.includes(name))).toEqual(['jest.config.json']);
  });
});

describe('scriptTestRunner', () => {
  it.each([
    ['node --test', 'node'],
    ['node --import tsx --test src/**/*.test.ts', 'node'],
    ['tsc -b && /usr/local/bin/node --test --test-reporter=spec', 'node'],
    ['(node --test=dist)', 'node'],
    ['nodemon --test', undefined],
    ['node --test-reporter=spec src/run.js', undefined],
    ['vitest', 'vitest'],
    ['vitest run --coverage', 'vitest'],
    ['tsc -b && pnpm exec vitest run', 'vitest'],
    ['node ../../node_modules/vitest/vitest.mjs run', 'vitest'],
    ['vitest watch', undefined],
    ['vitest bench', undefined],
    ['vue-demi-switch 2 && vitest; vue-demi-switch 3 && vitest', undefined],
    ['pnpm run test:lib --watch', undefined],
    ['jest', 'jest'],
    ['cross-env NODE_ENV=test jest --ci --coverage', 'jest'],
    ['npx jest --watch', undefined],
    ['jest && vitest run', undefined],
    ['echo "no tests"', undefined],
    [undefined, undefined],
  ])('%s → %s', (script, expected) => {
    expect(scriptTestRunner(script)).toBe(expected);
  });
});

describe('findVitestConfigFile', () => {
  it("finds a vitest.config.* before a vite.config.*, in Vitest's own order, and a vite.config.* only with a test block", () => {
    const files: Record<string, string> = {
      'a/vite.config.ts': 'export default { test: {} };',
      'a/vitest.config.mts': 'export default {};',
      'b/vite.config.js': "export default { build: { outDir: 'dist' } };",
      'c/vite.config.mjs': 'const test = {};\nexport default { plugins: [], test };',
    };
    const find = (root: string) => findVitestConfigFile(root, (file) => file in files, (file) => files[file]!, posix.join);
    expect(find('a')).toBe('a/vitest.config.mts');
    expect(find('b')).toBeUndefined();
    expect(find('c')).toBe('c/vite.config.mjs');
    expect(VITEST_CONFIG_FILE_NAMES.slice(0, 3)).toEqual(['vitest.config.ts', 'vitest.config.mts', 'vitest.config.cts']);
  });

  it.each([
    ['test: {', true],
    ["'test': {}", true],
    ['{ plugins: [], test }', true],
    ['// test: {}\nbuild: {}', false],
    ['/* test: {} */ build: {}', false],
    ["build: { outDir: 'test' }", false],
    ['testTimeout: 5', false],
  ])('declaresTestBlock(%j) → %s', (source, expected) => {
    expect(declaresTestBlock(source)).toBe(expected);
  });
});

describe('targetDefaultDependsOn', () => {
  it("reads the executor's key first, then the name's, as Nx chooses", () => {
    const defaults = { '@nx/jest:jest': { cache: true }, test: { dependsOn: ['^build'] }, lint: { dependsOn: ['tools:build'] } };
    expect(targetDefaultDependsOn(defaults, 'test', { executor: '@nx/jest:jest' })).toBeUndefined();
    expect(targetDefaultDependsOn(defaults, 'test', { executor: 'nx:run-commands' })).toEqual(['^build']);
    expect(targetDefaultDependsOn(defaults, 'test', { plugin: '@nx/jest/plugin' })).toEqual(['^build']);
    expect(targetDefaultDependsOn(defaults, 'e2e')).toBeUndefined();
    expect(targetDefaultDependsOn(undefined, 'test')).toBeUndefined();
  });

  it("reads Nx 23's entries in order, those filtered to this plugin or executor alone, never those filtered to projects", () => {
    const defaults = {
      test: [
        { dependsOn: ['^build'] },
        { filter: { plugin: '@nx/vitest' }, dependsOn: ['vitest-only'] },
        { filter: { projects: ['alpha'] }, dependsOn: ['alpha-only'] },
      ],
      lint: [{ filter: { executor: 'nx:run-commands' }, dependsOn: ['tools:build'] }],
      typecheck: [{ filter: { plugin: '@nx/vitest' }, dependsOn: ['never'] }],
    } as unknown as Parameters<typeof targetDefaultDependsOn>[0];
    expect(targetDefaultDependsOn(defaults, 'test', { plugin: '@nx/jest/plugin' })).toEqual(['^build']);
    expect(targetDefaultDependsOn(defaults, 'test', { plugin: '@nx/vitest' })).toEqual(['vitest-only']);
    expect(targetDefaultDependsOn(defaults, 'lint', { executor: 'nx:run-commands' })).toEqual(['tools:build']);
    expect(targetDefaultDependsOn(defaults, 'lint', { plugin: '@nx/eslint/plugin' })).toBeUndefined();
    expect(targetDefaultDependsOn(defaults, 'typecheck', { plugin: '@nx/js/typescript' })).toBeUndefined();
  });

  it('reads glob keys after the name, longest first, and an empty filter as none', () => {
    const defaults = { 'e2e-*': { dependsOn: ['short'] }, 'e2e-ci*': { dependsOn: ['long'] }, lint: [{ filter: {}, dependsOn: ['^build'] }] } as unknown as Parameters<typeof targetDefaultDependsOn>[0];
    expect(targetDefaultDependsOn(defaults, 'e2e-ci')).toEqual(['long']);
    expect(targetDefaultDependsOn(defaults, 'e2e-local')).toEqual(['short']);
    expect(targetDefaultDependsOn({ ...defaults, 'e2e-local': { cache: true } }, 'e2e-local')).toBeUndefined();
    expect(targetDefaultDependsOn(defaults, 'lint')).toEqual(['^build']);
  });

  it('gives a copy, so the caller may change it', () => {
    const defaults = { test: { dependsOn: ['^build'] } };
    targetDefaultDependsOn(defaults, 'test')!.push('changed');
    expect(defaults.test.dependsOn).toEqual(['^build']);
  });
});

describe('retargetSelfDependencies', () => {
  it("names ours where the official target's dependsOn names itself in other projects", () => {
    expect(
      retargetSelfDependencies(
        ['^typecheck', 'build', '^build', 'tools:typecheck', { target: 'typecheck', dependencies: true }, { target: 'typecheck', projects: ['a'] }, { target: 'build', dependencies: true }, { target: 'typecheck', projects: 'self' }],
        'typecheck',
        'quality-typecheck',
      ),
    ).toEqual(['^quality-typecheck', 'build', '^build', 'tools:typecheck', { target: 'quality-typecheck', dependencies: true }, { target: 'quality-typecheck', projects: ['a'] }, { target: 'build', dependencies: true }, { target: 'typecheck', projects: 'self' }]);
  });
});

