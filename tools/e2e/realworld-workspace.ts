// The "real-world" e2e workspace (issue 15): a create-nx-workspace base reshaped into the patterns
// that broke nx-quality on real repositories. Each project stands for one pattern; RW names them.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { JEST_LIBS, NODE_LIB, VITEST_LIB } from './create-base-workspace';

/** Folder and role of every project of the real-world workspace. */
export const RW = {
  /** Untouched generated @nx/js library (@swc/jest): passes everything; its results must stay intact. */
  control: 'alpha',
  /** Plain-JS Jest project whose spec `import()`s an .mjs file: needs `.env.test`'s NODE_OPTIONS. */
  env: 'envlib',
  /** Configured only by jest.config.json (which @nx/jest/plugin does not glob). */
  json: 'jsonlib',
  /** ts-jest instead of @swc/jest; one test fails on purpose. */
  tsjest: 'tsjest',
  /** A spec calling process.exit(1). */
  exit: 'exitlib',
  /** A spec that SIGKILLs its own process (the Jest process / our batch worker). */
  kill: 'killlib',
  /** `"coverage": "yes"` on its quality-test target in project.json. */
  badOptions: 'badopts',
  /**
   * 5,001 test cases, 50 failing, plus two lint errors: prefer-const, and a script importing the
   * control library by a relative path, which @nx/enforce-module-boundaries reports only when it has
   * read the project graph.
   */
  big: 'bigsuite',
  /**
   * Plain JS, its `lint` target declared in project.json with `@nx/eslint:lint`: lintFilePatterns
   * select src/lib (where there is nothing to fix), one matches no file, and src/generated, which has
   * lint errors, is left out. (No `!` pattern: ESLint 9's flat `lintFiles` reads `!packages/x` as
   * "every file of the workspace outside packages/", e2e/ and tools/ included.)
   */
  declared: 'declint',
  /**
   * Plain JS, its official lint target a package.json script, `eslint --max-warnings 0 ./src` (as
   * TanStack/query's `eslint ./src`): scripts/release.js, which has a lint error, is not linted by it.
   */
  scripted: 'scriptlint',
} as const;

/** The scripted project's lint script, and what it lints: src/'s two files. */
export const SCRIPTED_LINT = { script: 'eslint --max-warnings 0 ./src', files: 2 } as const;

/** The declared lint target's lintFilePatterns, as project.json writes them. */
export const DECLARED_LINT_PATTERNS = ['{projectRoot}/src/lib/**/*.js', '{projectRoot}/*.md'] as const;
/** What the official executor lints of the declared project: src/lib's two files. */
export const DECLARED_LINTED_FILES = 2;

/** Projects outside packages/: excluded by the official plugin entries' include/exclude. */
export const RW_EXCLUDED = {
  /** e2e/app-e2e: Jest config whose globalSetup must never run (excluded by `exclude: ["e2e/**"]`), outside the ESLint include list. */
  e2e: { name: 'app-e2e', root: 'e2e/app-e2e' },
  /** tools/codegen: ESLint config and a lint error, outside the @nx/eslint/plugin `include` list. */
  codegen: { name: 'codegen', root: 'tools/codegen' },
  /**
   * e2e/vite-e2e: a Vitest end-to-end suite whose globalSetup must never run, as angular-eslint's: a
   * second @nx/vitest entry infers it as `e2e-local` (atomized as `e2e-ci`), the first only covers packages/.
   */
  vitestE2e: { name: 'vite-e2e', root: 'e2e/vite-e2e' },
} as const;

/**
 * libs/defaulted, code-pushup/cli's pattern: plain JS outside every official entry's include, its
 * project.json declaring `"unit-test": {}` and `"eslint": {}`, which the target defaults of their names
 * complete (an @nx/jest:jest target running jest.unit.config.cjs, and a run-commands `eslint` with
 * `--error-on-unmatched-pattern=false` linting src/ only: scripts/release.js and its error are left out;
 * with `--max-warnings=0`, which src/'s one warning exceeds, so the official target fails).
 * code-pushup names its lint target `lint`; here target defaults of that name would also rewrite the
 * `lint` targets @nx/eslint/plugin infers for packages/ (Nx applies them over inferred options).
 */
export const RW_DEFAULTED = {
  name: 'defaulted',
  root: 'libs/defaulted',
  testTarget: 'unit-test',
  /** A second official test target of the project (code-pushup's int-test), with a config and a `.env.int-test` of its own. */
  intTestTarget: 'int-test',
  lintTarget: 'eslint',
  jestConfig: 'libs/defaulted/jest.unit.config.cjs',
  intJestConfig: 'libs/defaulted/jest.int.config.cjs',
  /** src/'s four files. */
  lintedFiles: 4,
  /** src/total.js's unused eslint-disable comment, one warning more than the target's `--max-warnings=0` allows. */
  warnings: 1,
  maxWarnings: 0,
} as const;
/** The target defaults that complete the defaulted project's targets (nx.json keys the base workspace does not have). */
export const DEFAULTED_TARGET_DEFAULTS = {
  [RW_DEFAULTED.testTarget]: { executor: '@nx/jest:jest', cache: true, options: { jestConfig: '{projectRoot}/jest.unit.config.cjs', passWithNoTests: true } },
  [RW_DEFAULTED.intTestTarget]: { executor: '@nx/jest:jest', cache: true, options: { jestConfig: '{projectRoot}/jest.int.config.cjs', passWithNoTests: true } },
  [RW_DEFAULTED.lintTarget]: {
    executor: 'nx:run-commands',
    cache: true,
    options: { command: 'eslint', cwd: '{projectRoot}', args: ["'src/**/*.js'", '--error-on-unmatched-pattern=false', '--no-warn-ignored', `--max-warnings=${RW_DEFAULTED.maxWarnings}`] },
  },
} as const;

/** The official plugin entries' lists the workspace registers (create-nx-workspace's entries plus these). */
export const OFFICIAL_LISTS = { jestExclude: ['e2e/**'], eslintInclude: ['packages/**/*'], vitestInclude: ['packages/**'] } as const;
/** The @nx/vitest entry the workspace registers for its end-to-end suites (angular-eslint's shape). */
export const VITEST_E2E_ENTRY = { plugin: '@nx/vitest', include: ['e2e/**/*'], options: { testTargetName: 'e2e-local', ciTargetName: 'e2e-ci' } } as const;

/** Libraries copied from the generated `alpha` (TypeScript, @swc/jest unless replaced). */
const COPIED_FROM_ALPHA = [RW.tsjest, RW.exit, RW.kill, RW.badOptions, RW.big] as const;

/** What the big suite contains: `BIG_SUITE.cases` loop cases plus one, `BIG_SUITE.failing` of them failing. */
export const BIG_SUITE = { cases: 5000, failing: 50, total: 5001 } as const;

/** The variable the env project's spec needs, as the workspace's `.env.test` sets it. */
export const ENV_TEST_NODE_OPTIONS = '--experimental-vm-modules';
/** The error Node gives a dynamic import inside Jest's VM without that flag, and its message. */
export const MISSING_FLAG_ERROR = 'ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING_FLAG';
export const MISSING_FLAG_MESSAGE = 'A dynamic import callback was invoked without --experimental-vm-modules';

function write(dir: string, rel: string, text: string): void {
  const file = join(dir, rel);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

function readJsonFile<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

function writeJsonFile(file: string, value: unknown): void {
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

/** Copies packages/<from> to packages/<to>, renaming every mention (file names and contents). */
function copyLibrary(dir: string, from: string, to: string): void {
  const source = join(dir, 'packages', from);
  const target = join(dir, 'packages', to);
  cpSync(source, target, { recursive: true, filter: (path) => !/[\\/](node_modules|dist|out-tsc|test-output)$/.test(path) });
  const rename = (current: string): void => {
    for (const entry of readdirSync(current)) {
      const full = join(current, entry);
      const renamed = join(current, entry.replaceAll(from, to));
      if (renamed !== full) renameSync(full, renamed);
      if (statSync(renamed).isDirectory()) rename(renamed);
      else writeFileSync(renamed, readFileSync(renamed, 'utf8').replaceAll(from, to));
    }
  };
  rename(target);
}

/** Sets the root tsconfig.json references to exactly these TypeScript libraries. */
function setTsReferences(dir: string, libs: readonly string[]): void {
  const file = join(dir, 'tsconfig.json');
  const tsconfig = readJsonFile<{ references?: { path: string }[] }>(file);
  tsconfig.references = libs.map((lib) => ({ path: `./packages/${lib}` }));
  writeJsonFile(file, tsconfig);
}

/** A plain-JS (CommonJS) Jest project in packages/<name>: package.json, ESLint config, source. */
function writeJsLibrary(dir: string, scope: string, name: string): void {
  const root = `packages/${name}`;
  write(dir, `${root}/package.json`, `${JSON.stringify({ name: `${scope}/${name}`, version: '0.0.1', private: true, main: './src/index.js' }, null, 2)}\n`);
  write(dir, `${root}/eslint.config.mjs`, `import baseConfig from '../../eslint.config.mjs';\n\nexport default [...baseConfig];\n`);
}

/**
 * Turns the base workspace (alpha…delta, nodelib) into the real-world one: alpha stays, copies of it
 * become the TypeScript pattern projects, JS projects and the excluded ones are written by hand, and
 * the official @nx/jest/plugin and @nx/eslint/plugin entries get the exclude/include lists.
 * exitlib and killlib get their harmless specs here; {@link plantCrashes} plants the crashes later.
 */
export function reshapeWorkspace(dir: string, scope: string): void {
  // The Vitest library was generated for what it installs and registers (Vitest, @nx/vitest); its project goes.
  for (const lib of [...JEST_LIBS.filter((lib) => lib !== RW.control), NODE_LIB, VITEST_LIB]) rmSync(join(dir, 'packages', lib), { recursive: true, force: true });
  for (const lib of COPIED_FROM_ALPHA) copyLibrary(dir, RW.control, lib);
  setTsReferences(dir, [RW.control, ...COPIED_FROM_ALPHA]);

  // nx.json: the entries create-nx-workspace registered, with the lists real workspaces add.
  const nxJsonFile = join(dir, 'nx.json');
  const nxJson = readJsonFile<{
    plugins: (string | { plugin: string; include?: string[]; exclude?: string[]; options?: Record<string, unknown> })[];
    targetDefaults?: Record<string, unknown>;
  }>(nxJsonFile);
  const entry = (plugin: string) => {
    const found = nxJson.plugins.find((p) => typeof p !== 'string' && p.plugin === plugin);
    if (!found || typeof found === 'string') throw new Error(`nx.json of the base workspace has no ${plugin} entry: ${JSON.stringify(nxJson.plugins)}`);
    return found;
  };
  entry('@nx/jest/plugin').exclude = [...OFFICIAL_LISTS.jestExclude];
  entry('@nx/eslint/plugin').include = [...OFFICIAL_LISTS.eslintInclude];
  entry('@nx/vitest').include = [...OFFICIAL_LISTS.vitestInclude];
  nxJson.plugins.push({ plugin: VITEST_E2E_ENTRY.plugin, include: [...VITEST_E2E_ENTRY.include], options: { ...VITEST_E2E_ENTRY.options } });
  const targetDefaults = (nxJson.targetDefaults ??= {});
  for (const [name, defaults] of Object.entries(DEFAULTED_TARGET_DEFAULTS)) {
    if (name in targetDefaults) throw new Error(`nx.json of the base workspace already has target defaults for ${name}: ${JSON.stringify(targetDefaults[name])}`);
    targetDefaults[name] = structuredClone(defaults);
  }
  writeJsonFile(nxJsonFile, nxJson);

  // The official reference runs write Jest's and ESLint's JSON into <project>/.nxq-ref: not an Nx
  // input (git-ignored), and not linted (it would change the linted file count between runs).
  const gitignore = join(dir, '.gitignore');
  writeFileSync(gitignore, `${readFileSync(gitignore, 'utf8')}\n# e2e: official reference runs\n.nxq-ref\n`);
  const eslintConfig = join(dir, 'eslint.config.mjs');
  const eslintText = readFileSync(eslintConfig, 'utf8');
  // The Vitest generator adds its own entry after these two.
  if (!eslintText.includes("ignores: ['**/dist', '**/out-tsc'")) throw new Error(`unexpected root eslint.config.mjs:\n${eslintText}`);
  writeFileSync(eslintConfig, eslintText.replace("ignores: ['**/dist', '**/out-tsc'", "ignores: ['**/dist', '**/out-tsc', '**/.nxq-ref'"));

  // ts-jest (already a devDependency of a create-nx-workspace workspace) instead of @swc/jest.
  write(
    dir,
    `packages/${RW.tsjest}/jest.config.cts`,
    `/* eslint-disable */
module.exports = {
  displayName: '${scope}/${RW.tsjest}',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  transform: {
    '^.+\\\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'html'],
  coverageDirectory: 'test-output/jest/coverage',
};
`,
  );
  // ts-jest compiles each file alone: CommonJS output (the package is "type": "module" and the base
  // config says nodenext, which would emit ESM), and the rootDir TypeScript 6 wants (TS5011).
  write(
    dir,
    `packages/${RW.tsjest}/tsconfig.jest.json`,
    `${JSON.stringify(
      { extends: './tsconfig.spec.json', compilerOptions: { module: 'commonjs', moduleResolution: 'node10', customConditions: null, ignoreDeprecations: '6.0', rootDir: '.' } },
      null,
      2,
    )}\n`,
  );
  write(
    dir,
    `packages/${RW.tsjest}/src/lib/${RW.tsjest}.ts`,
    `export function ${RW.tsjest}(): string {
  return '${RW.tsjest}';
}

/** Doubles a number. */
export function double(value: number): number {
  return value * 2;
}
`,
  );
  write(
    dir,
    `packages/${RW.tsjest}/src/lib/${RW.tsjest}.spec.ts`,
    `import { double, ${RW.tsjest} } from './${RW.tsjest}.js';

describe('${RW.tsjest}', () => {
  it('should work', () => {
    expect(${RW.tsjest}()).toEqual('${RW.tsjest}');
  });

  it('doubles', () => {
    expect(double(21)).toBe(42);
  });

  it('doubles on purpose wrongly', () => {
    expect(double(2)).toBe(5);
  });
});
`,
  );

  // 5,001 cases, every 100th (from 42) failing; a prefer-const lint error in the source.
  write(
    dir,
    `packages/${RW.big}/src/lib/${RW.big}.ts`,
    `export function ${RW.big}(): string {
  let name = '${RW.big}';
  return name;
}
`,
  );
  write(
    dir,
    `packages/${RW.big}/src/lib/${RW.big}.spec.ts`,
    `import { ${RW.big} } from './${RW.big}.js';

describe('${RW.big}', () => {
  it('should work', () => {
    expect(${RW.big}()).toEqual('${RW.big}');
  });

  describe('cases', () => {
    for (let i = 0; i < ${BIG_SUITE.cases}; i++) {
      it(\`case \${i}\`, () => {
        expect(i % 100 === 42 ? -1 : i).toBe(i);
      });
    }
  });
});
`,
  );

  // A script outside src (neither compiled nor tested) reaching into the control library by a relative
  // path: an @nx/enforce-module-boundaries error, which the rule finds only with the project graph read
  // (in our batch workers as in the official \`eslint .\` process).
  write(dir, `packages/${RW.big}/scripts/peek.js`, `// Reaches into another project by a relative path.\nimport '../../${RW.control}/src/index.js';\n`);

  // The env project: plain JS, no transform, an ES module loaded with import() inside Jest's VM.
  writeJsLibrary(dir, scope, RW.env);
  write(dir, `packages/${RW.env}/.env.test`, `NODE_OPTIONS=${ENV_TEST_NODE_OPTIONS}\n`);
  write(
    dir,
    `packages/${RW.env}/jest.config.cjs`,
    `module.exports = {
  displayName: '${scope}/${RW.env}',
  testEnvironment: 'node',
  transform: {},
  coverageDirectory: 'test-output/jest/coverage',
};
`,
  );
  write(
    dir,
    `packages/${RW.env}/src/index.js`,
    `'use strict';

/** Loads the answer from an ES module (import() inside Jest's VM needs --experimental-vm-modules). */
async function loadAnswer() {
  const mod = await import('./answer.mjs');
  return mod.answer;
}

module.exports = { loadAnswer };
`,
  );
  write(dir, `packages/${RW.env}/src/answer.mjs`, `export const answer = 42;\n`);
  write(
    dir,
    `packages/${RW.env}/src/index.spec.js`,
    `'use strict';
const { loadAnswer } = require('./index.js');

describe('${RW.env}', () => {
  it('loads an ES module through import()', async () => {
    expect(await loadAnswer()).toBe(42);
  });

  it('adds', () => {
    expect(1 + 1).toBe(2);
  });
});
`,
  );

  // Only jest.config.json: no official test target (and so none of ours beside it).
  writeJsLibrary(dir, scope, RW.json);
  write(dir, `packages/${RW.json}/jest.config.json`, `${JSON.stringify({ displayName: `${scope}/${RW.json}`, testEnvironment: 'node', transform: {} }, null, 2)}\n`);
  write(
    dir,
    `packages/${RW.json}/src/index.js`,
    `'use strict';

/** Greets someone; the empty-name branch has no test. */
function greet(name) {
  if (!name) return 'hello, nobody';
  return \`hello, \${name}\`;
}

module.exports = { greet };
`,
  );
  write(
    dir,
    `packages/${RW.json}/src/index.spec.js`,
    `'use strict';
const { greet } = require('./index.js');

describe('${RW.json}', () => {
  it('greets', () => {
    expect(greet('nx')).toBe('hello, nx');
  });

  it('greets loudly on purpose wrongly', () => {
    expect(greet('nx')).toBe('HELLO, NX');
  });

  it.todo('greets nobody');
});
`,
  );

  // Declared `@nx/eslint:lint` target (a workspace without inference plugins declares them all).
  writeJsLibrary(dir, scope, RW.declared);
  writeDeclaredLintPatterns(dir, [...DECLARED_LINT_PATTERNS]);
  write(dir, `packages/${RW.declared}/src/lib/index.js`, `export { greet } from './greet.js';\n`);
  write(dir, `packages/${RW.declared}/src/lib/greet.js`, `/** Greets someone. */\nexport function greet(name) {\n  return \`hello, \${name}\`;\n}\n`);
  write(dir, `packages/${RW.declared}/src/generated/table.js`, `export function table() {\n  let rows = [];\n  debugger;\n  return rows;\n}\n`);

  // A package.json lint script that lints ./src only; a lint error outside it.
  writeJsLibrary(dir, scope, RW.scripted);
  const scriptedManifest = join(dir, 'packages', RW.scripted, 'package.json');
  writeJsonFile(scriptedManifest, { ...readJsonFile<Record<string, unknown>>(scriptedManifest), scripts: { lint: SCRIPTED_LINT.script } });
  write(dir, `packages/${RW.scripted}/src/index.js`, `export { shout } from './shout.js';\n`);
  write(dir, `packages/${RW.scripted}/src/shout.js`, `/** Shouts a word. */\nexport function shout(word) {\n  return word.toUpperCase();\n}\n`);
  write(dir, `packages/${RW.scripted}/scripts/release.js`, `export function release() {\n  debugger;\n}\n`);

  // e2e project: excluded by the jest entry's exclude and outside the ESLint include list.
  const e2e = RW_EXCLUDED.e2e;
  write(dir, `${e2e.root}/project.json`, `${JSON.stringify({ name: e2e.name, $schema: '../../node_modules/nx/schemas/project-schema.json', projectType: 'application', sourceRoot: `${e2e.root}/src` }, null, 2)}\n`);
  write(
    dir,
    `${e2e.root}/jest.config.cjs`,
    `module.exports = {
  displayName: '${e2e.name}',
  testEnvironment: 'node',
  transform: {},
  globalSetup: '<rootDir>/global-setup.cjs',
};
`,
  );
  write(
    dir,
    `${e2e.root}/global-setup.cjs`,
    `module.exports = async () => {
  throw new Error('${e2e.name} globalSetup ran: it would start a local registry; the workspace excludes e2e/** from Jest');
};
`,
  );
  write(dir, `${e2e.root}/src/app.spec.js`, `describe('${e2e.name}', () => {\n  it('never runs here', () => {\n    expect(true).toBe(true);\n  });\n});\n`);
  write(dir, `${e2e.root}/eslint.config.mjs`, `import baseConfig from '../../eslint.config.mjs';\n\nexport default [...baseConfig];\n`);
  write(dir, `${e2e.root}/src/lint-error.js`, `export function stop() {\n  debugger;\n}\n`);

  // A Vitest e2e project: only the e2e @nx/vitest entry covers it (as e2e-local), outside the ESLint include list.
  const vitestE2e = RW_EXCLUDED.vitestE2e;
  write(dir, `${vitestE2e.root}/project.json`, `${JSON.stringify({ name: vitestE2e.name, $schema: '../../node_modules/nx/schemas/project-schema.json', projectType: 'application', sourceRoot: `${vitestE2e.root}/src` }, null, 2)}\n`);
  write(dir, `${vitestE2e.root}/vitest.config.mts`, `import { defineConfig } from 'vitest/config';\n\nexport default defineConfig({\n  root: import.meta.dirname,\n  test: { globalSetup: './global-setup.mjs', include: ['src/**/*.test.mjs'] },\n});\n`);
  write(
    dir,
    `${vitestE2e.root}/global-setup.mjs`,
    `export default async function setup() {\n  throw new Error('${vitestE2e.name} globalSetup ran: it would start a local registry; only e2e-local runs this suite');\n}\n`,
  );
  write(dir, `${vitestE2e.root}/src/app.test.mjs`, `import { expect, it } from 'vitest';\n\nit('never runs here', () => {\n  expect(true).toBe(true);\n});\n`);

  // Targets declared empty, completed by the target defaults of their names.
  const defaulted = RW_DEFAULTED;
  write(
    dir,
    `${defaulted.root}/project.json`,
    `${JSON.stringify({ name: defaulted.name, $schema: '../../node_modules/nx/schemas/project-schema.json', projectType: 'library', sourceRoot: `${defaulted.root}/src`, targets: { [defaulted.testTarget]: {}, [defaulted.intTestTarget]: {}, [defaulted.lintTarget]: {} } }, null, 2)}\n`,
  );
  // CommonJS whatever the root package.json says; not one of the package manager's workspaces.
  write(dir, `${defaulted.root}/package.json`, `${JSON.stringify({ name: defaulted.name, version: '0.0.1', private: true }, null, 2)}\n`);
  write(dir, defaulted.jestConfig, `module.exports = {\n  displayName: '${defaulted.name}',\n  testEnvironment: 'node',\n  transform: {},\n};\n`);
  write(
    dir,
    defaulted.intJestConfig,
    `module.exports = {\n  displayName: '${defaulted.name}-int',\n  testEnvironment: 'node',\n  transform: {},\n  testMatch: ['<rootDir>/src/**/*.int.js'],\n};\n`,
  );
  // Nx loads it for the int-test target's tasks only: the integration tests see it, the unit tests do not.
  write(dir, `${defaulted.root}/.env.${defaulted.intTestTarget}`, 'DEFAULTED_SUITE=integration\n');
  write(
    dir,
    `${defaulted.root}/src/total.int.js`,
    `'use strict';\nconst { total } = require('./index.js');\n\ndescribe('total, integrated', () => {\n  it('adds what its environment names', () => {\n    expect(process.env.DEFAULTED_SUITE).toBe('integration');\n    expect(total([2, 2])).toBe(4);\n  });\n});\n`,
  );
  write(dir, `${defaulted.root}/src/index.js`, `'use strict';\nconst { total } = require('./total.js');\n\nmodule.exports = { total };\n`);
  write(dir, `${defaulted.root}/src/total.js`, `'use strict';\n\n/** Adds up a list of numbers. */\nfunction total(values) {\n  // eslint-disable-next-line no-debugger\n  return values.reduce((sum, value) => sum + value, 0);\n}\n\nmodule.exports = { total };\n`);
  write(
    dir,
    `${defaulted.root}/src/total.spec.js`,
    `'use strict';\nconst { total } = require('./index.js');\n\ndescribe('total', () => {\n  it('adds', () => {\n    expect(total([1, 2, 3])).toBe(6);\n  });\n\n  it('is 0 for none', () => {\n    expect(total([])).toBe(0);\n  });\n\n  it.todo('rounds');\n});\n`,
  );
  write(dir, `${defaulted.root}/scripts/release.js`, `export function release() {\n  debugger;\n}\n`);

  // A tools project with an ESLint config and a lint error, outside the ESLint include list.
  const codegen = RW_EXCLUDED.codegen;
  write(dir, `${codegen.root}/project.json`, `${JSON.stringify({ name: codegen.name, $schema: '../../node_modules/nx/schemas/project-schema.json', projectType: 'library', sourceRoot: `${codegen.root}/src` }, null, 2)}\n`);
  write(dir, `${codegen.root}/eslint.config.mjs`, `import baseConfig from '../../eslint.config.mjs';\n\nexport default [...baseConfig];\n`);
  write(dir, `${codegen.root}/src/generate.js`, `export function generate() {\n  let out = 'generated';\n  debugger;\n  return out;\n}\n`);

  writeCrashSpecs(dir, false);
}

/**
 * The specs of exitlib and killlib: harmless (a passing test in place of the crash) or with the
 * crash; the badopts project's project.json override with the crash (invalid option) or without.
 */
function writeCrashSpecs(dir: string, crash: boolean): void {
  const spec = (lib: string, crashing: string) =>
    `import { ${lib} } from './${lib}.js';

describe('${lib}', () => {
  it('should work', () => {
    expect(${lib}()).toEqual('${lib}');
  });

  it('${crash ? 'crashes on purpose' : 'does not crash yet'}', () => {
    ${crash ? crashing : 'expect(1).toBe(1);'}
  });
});
`;
  write(dir, `packages/${RW.exit}/src/lib/${RW.exit}.spec.ts`, spec(RW.exit, 'process.exit(1);'));
  write(dir, `packages/${RW.kill}/src/lib/${RW.kill}.spec.ts`, spec(RW.kill, "process.kill(process.pid, 'SIGKILL');"));
  const projectJson = join(dir, 'packages', RW.badOptions, 'project.json');
  if (crash) {
    const pkg = readJsonFile<{ name: string }>(join(dir, 'packages', RW.badOptions, 'package.json'));
    writeJsonFile(projectJson, { name: pkg.name, targets: { 'quality-test': { options: { coverage: 'yes' } } } });
  } else {
    rmSync(projectJson, { force: true });
  }
}

/** Writes the declared project's project.json with its `@nx/eslint:lint` target linting `patterns`. */
export function writeDeclaredLintPatterns(dir: string, patterns: string[]): void {
  const pkg = readJsonFile<{ name: string }>(join(dir, 'packages', RW.declared, 'package.json'));
  writeJsonFile(join(dir, 'packages', RW.declared, 'project.json'), {
    name: pkg.name,
    targets: { lint: { executor: '@nx/eslint:lint', options: { lintFilePatterns: patterns } } },
  });
}

/** Plants the crashes: process.exit(1) in exitlib, SIGKILL in killlib, `"coverage": "yes"` for badopts. */
export function plantCrashes(dir: string): void {
  writeCrashSpecs(dir, true);
}

/** Removes badopts' project.json override (its `quality-test` name goes away with --replaceOfficial). */
export function removeInvalidOption(dir: string): void {
  rmSync(join(dir, 'packages', RW.badOptions, 'project.json'), { force: true });
}

/** Whether the workspace has what the real-world e2e needs installed (ts-jest comes with create-nx-workspace). */
export function missingPackages(dir: string): string[] {
  return ['ts-jest', 'jest', 'eslint', '@swc/jest', 'vitest', '@nx/vitest'].filter((pkg) => !existsSync(join(dir, 'node_modules', pkg, 'package.json')));
}
