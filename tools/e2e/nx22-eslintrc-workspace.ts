import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { timePhase } from './phase-timer';
import { runCommand } from './run-command';
import { cachedBaseWorkspace } from './cached-base-workspace';

/** The Nx 22 release whose `nx add @nx/eslint` sets up ESLint 8.57 with .eslintrc.json (issue 17). */
export const NX22_CREATE_VERSION = '22.7.7';

/**
 * Libraries generated with `@nx/js:lib --unitTestRunner=jest --linter=eslint` (each generation runs an
 * npm install: one keeps the suite within its time budget); alpha gets the planted defects.
 */
export const NX22_LIBS = ['alpha'] as const;

/**
 * Creates `<parent>/<name>` as a new user would on Nx 22: `create-nx-workspace@22.7.7 --preset=ts`,
 * then `nx add @nx/jest` and `nx add @nx/eslint` as they come, then the libraries; committed to git.
 * With NXQ_E2E_BASE_CACHE set (local iteration only), the finished base is kept and copied.
 */
export async function createNx22EslintrcWorkspace(parent: string, name: string): Promise<string> {
  const cacheKey = JSON.stringify({ v: 1, cnw: NX22_CREATE_VERSION, name, libs: NX22_LIBS, adds: ['@nx/jest', '@nx/eslint'] });
  return cachedBaseWorkspace(parent, name, cacheKey, 'Nx 22 base workspace', async (dir) => {
    await timePhase(`create-nx-workspace@${NX22_CREATE_VERSION} --preset=ts`, () =>
      runCommand(
        'npx',
        ['-y', `create-nx-workspace@${NX22_CREATE_VERSION}`, name, '--preset=ts', '--nxCloud=skip', '--no-interactive', '--packageManager=npm'],
        { cwd: parent },
      ),
    );
    for (const plugin of ['@nx/jest', '@nx/eslint']) {
      await timePhase(`nx add ${plugin}`, () => runCommand('npx', ['nx', 'add', plugin], { cwd: dir }));
    }
    for (const lib of NX22_LIBS) {
      await timePhase(`nx g @nx/js:lib packages/${lib}`, () =>
        runCommand('npx', ['nx', 'g', '@nx/js:lib', `packages/${lib}`, '--bundler=tsc', '--unitTestRunner=jest', '--linter=eslint', '--no-interactive'], { cwd: dir }),
      );
    }
    runCommand('git', ['add', '-A'], { cwd: dir });
    runCommand('git', ['-c', 'user.name=e2e', '-c', 'user.email=e2e@example.com', 'commit', '-q', '--no-verify', '-m', 'Nx 22 base workspace'], { cwd: dir });
  });
}

/** What {@link plantNx22Defects} put into alpha, for the assertions. */
export const NX22_PLANTED = {
  failingTest: 'planted fails on purpose',
  typeErrorFile: 'packages/alpha/src/lib/wrong-type.ts',
  /** Rules the planted code breaks under the generated config plus alpha's `no-console: warn`. */
  lintRules: ['@typescript-eslint/no-explicit-any', 'prefer-const', 'no-console'],
} as const;

/**
 * alpha: lint errors and warnings (its .eslintrc.json gets `no-console: warn`, as a user would add a
 * rule), an untested function, a failing test, and a type error in a file no test imports.
 */
export function plantNx22Defects(dir: string): void {
  const lib = join(dir, 'packages/alpha');
  writeFileSync(
    join(lib, 'src/lib/alpha.ts'),
    `${readFileSync(join(lib, 'src/lib/alpha.ts'), 'utf8')}
// Planted: lint findings and code no test runs.
export function planted(input: any): number {
  let doubled = Number(input) * 2;
  console.log(doubled);
  return doubled;
}
`,
  );
  writeFileSync(
    join(lib, 'src/lib/alpha.spec.ts'),
    `${readFileSync(join(lib, 'src/lib/alpha.spec.ts'), 'utf8')}
describe('planted', () => {
  it('fails on purpose', () => {
    expect(alpha()).toEqual('beta');
  });
});
`,
  );
  writeFileSync(join(dir, NX22_PLANTED.typeErrorFile), "// Planted: a type error only the type check sees.\nexport const count: number = 'three';\n");
  const configFile = join(lib, '.eslintrc.json');
  const config = JSON.parse(readFileSync(configFile, 'utf8')) as { overrides: { files: string[]; rules?: Record<string, unknown> }[] };
  const codeOverride = config.overrides.find((entry) => entry.files.includes('*.ts'));
  if (!codeOverride) throw new Error(`${configFile} has no override for *.ts files: the generator's output changed`);
  codeOverride.rules = { ...codeOverride.rules, 'no-console': 'warn' };
  writeFileSync(configFile, `${JSON.stringify(config, null, 2)}\n`);
}
