import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCommand } from './run-command';
import { timePhase } from './phase-timer';
import { cachedBaseWorkspace } from './cached-base-workspace';

/** The create-nx-workspace release the e2e targets (what users get today). */
export const CREATE_NX_WORKSPACE_VERSION = '23.2.1';

/** Libraries generated with `@nx/js:lib` (jest + eslint); `delta` stays clean for the generator scenario. */
export const JEST_LIBS = ['alpha', 'beta', 'gamma', 'delta'] as const;
export type JestLib = (typeof JEST_LIBS)[number];

/** The hand-made library tested with `node --test` (no Jest config). */
export const NODE_LIB = 'nodelib';

/** The library `nx g @nx/js:lib --unitTestRunner=vitest` generates (registers @nx/vitest, installs Vitest 4). */
export const VITEST_LIB = 'vitelib';

/** Which generated libraries a base workspace has. */
export interface BaseWorkspaceShape {
  /** `@nx/js:lib` libraries, generated in this order (default: all of JEST_LIBS). */
  libs?: readonly string[];
  /** Whether to add the `node --test` library (default true). */
  nodeLib?: boolean;
  /** Whether to generate the Vitest library (default false: only the quality e2e checks it). */
  vitestLib?: boolean;
}

/**
 * Creates `<parent>/<name>`: a fresh `create-nx-workspace --preset=ts` workspace with the Jest
 * libraries, the Vitest library and the node-test library, committed to git. With NXQ_E2E_BASE_CACHE set (local
 * iteration only), a finished base is kept there (one folder per name and shape) and copied
 * instead of regenerated.
 */
export async function createBaseWorkspace(parent: string, name: string, shape: BaseWorkspaceShape = {}): Promise<string> {
  const libs = shape.libs ?? JEST_LIBS;
  const withNodeLib = shape.nodeLib ?? true;
  const withVitestLib = shape.vitestLib ?? false;
  const cacheKey = JSON.stringify({ v: 3, cnw: CREATE_NX_WORKSPACE_VERSION, name, libs, node: withNodeLib ? NODE_LIB : null, ...(withVitestLib ? { vitest: VITEST_LIB } : {}) });
  return cachedBaseWorkspace(parent, name, cacheKey, 'base workspace', async (dir) => {
    await timePhase('create-nx-workspace', () =>
      runCommand(
        'npx',
        ['-y', `create-nx-workspace@${CREATE_NX_WORKSPACE_VERSION}`, name, '--preset=ts', '--nxCloud=skip', '--no-interactive', '--packageManager=npm'],
        { cwd: parent },
      ),
    );
    for (const lib of libs) {
      await timePhase(`nx g @nx/js:lib packages/${lib}`, () =>
        runCommand(
          'npx',
          ['nx', 'g', '@nx/js:lib', `packages/${lib}`, '--bundler=tsc', '--unitTestRunner=jest', '--linter=eslint', '--no-interactive'],
          { cwd: dir },
        ),
      );
    }
    if (withVitestLib) {
      await timePhase(`nx g @nx/js:lib packages/${VITEST_LIB} --unitTestRunner=vitest`, () =>
        runCommand(
          'npx',
          ['nx', 'g', '@nx/js:lib', `packages/${VITEST_LIB}`, '--bundler=tsc', '--unitTestRunner=vitest', '--linter=eslint', '--no-interactive'],
          { cwd: dir },
        ),
      );
    }
    if (withNodeLib) await timePhase('node --test library', () => writeNodeTestLibrary(dir));
    runCommand('git', ['add', '-A'], { cwd: dir });
    runCommand('git', ['-c', 'user.name=e2e', '-c', 'user.email=e2e@example.com', 'commit', '-q', '--no-verify', '-m', 'base workspace'], {
      cwd: dir,
    });
  });
}

/** Scope of the workspace's packages, e.g. `@nxq-e2e` (project names are `<scope>/<lib>`). */
export function workspaceScope(dir: string): string {
  const rootName = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name as string;
  return rootName.split('/')[0];
}

/**
 * A plain CommonJS library tested by Node's own runner: no Jest config, `"test": "node --test"`.
 * It has passing tests and one branch no test takes, so its coverage is below 100%.
 */
export function writeNodeTestLibrary(dir: string): void {
  const root = join(dir, 'packages', NODE_LIB);
  const scope = workspaceScope(dir);
  mkdirSync(join(root, 'src'), { recursive: true });
  mkdirSync(join(root, 'test'), { recursive: true });
  writeFileSync(
    join(root, 'package.json'),
    `${JSON.stringify(
      {
        name: `${scope}/${NODE_LIB}`,
        version: '0.0.1',
        private: true,
        type: 'commonjs',
        main: './src/index.js',
        scripts: { test: 'node --test' },
      },
      null,
      2,
    )}\n`,
  );
  writeFileSync(
    join(root, 'src', 'index.js'),
    `'use strict';

/** Sums an array of numbers. */
function sum(values) {
  return values.reduce((total, value) => total + value, 0);
}

/** Clamps a value into [min, max]. */
function clamp(value, min, max) {
  if (value < min) return min;
  if (value > max) return max;
  return value;
}

/** Describes a temperature; the freezing branch has no test on purpose. */
function describeTemperature(celsius) {
  if (celsius <= 0) {
    return 'freezing';
  }
  return celsius > 25 ? 'warm' : 'mild';
}

module.exports = { sum, clamp, describeTemperature };
`,
  );
  writeFileSync(
    join(root, 'test', 'index.test.js'),
    `'use strict';
const { test, describe } = require('node:test');
const assert = require('node:assert/strict');
const { sum, clamp, describeTemperature } = require('../src/index.js');

describe('sum', () => {
  test('adds numbers', () => {
    assert.equal(sum([1, 2, 3]), 6);
  });
  test('is 0 for an empty list', () => {
    assert.equal(sum([]), 0);
  });
});

describe('clamp', () => {
  test('keeps values inside the range', () => {
    assert.equal(clamp(5, 0, 10), 5);
  });
  test('raises values below the range', () => {
    assert.equal(clamp(-1, 0, 10), 0);
  });
  test('lowers values above the range', () => {
    assert.equal(clamp(11, 0, 10), 10);
  });
});

test('describes warm and mild temperatures', () => {
  assert.equal(describeTemperature(30), 'warm');
  assert.equal(describeTemperature(20), 'mild');
});

test.todo('describes freezing temperatures');
`,
  );
  writeFileSync(
    join(root, 'eslint.config.mjs'),
    `import baseConfig from '../../eslint.config.mjs';

export default [...baseConfig];
`,
  );
}
