import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** What was planted where, so assertions can name the expected finding. */
export const PLANTED = {
  failingTest: { lib: 'alpha', file: 'packages/alpha/src/lib/alpha.spec.ts', fullName: 'alpha adds two and two on purpose wrongly', title: 'adds two and two on purpose wrongly' },
  skippedTest: { lib: 'alpha', title: 'is skipped on purpose' },
  todoTest: { lib: 'alpha', title: 'handles negative amounts' },
  uncoveredFunction: { lib: 'alpha', file: 'packages/alpha/src/lib/alpha.ts', name: 'formatCents' },
  lintErrors: { lib: 'beta', file: 'packages/beta/src/lib/beta.ts', rules: ['prefer-const', 'no-debugger'] },
  lintWarnings: { lib: 'beta', rules: ['@typescript-eslint/no-explicit-any'] },
  typeError: { lib: 'gamma', file: 'packages/gamma/src/lib/gamma.ts', code: 'TS2322', line: 6 },
  vitest: {
    lib: 'vitelib',
    file: 'packages/vitelib/src/lib/vitelib.spec.ts',
    failingTitle: 'doubles on purpose wrongly',
    skippedTitle: 'is skipped on purpose',
    todoTitle: 'handles NaN',
    uncoveredFunction: { file: 'packages/vitelib/src/lib/vitelib.ts', name: 'halve' },
  },
} as const;

/** Writes the planted defects into alpha and, when the workspace has it, vitelib (tests, coverage), beta (lint) and gamma (types). */
export function plantDefects(workspace: string): void {
  const lib = (name: string, file: string) => join(workspace, 'packages', name, 'src', 'lib', file);

  writeFileSync(
    lib('alpha', 'alpha.ts'),
    `export function alpha(): string {
  return 'alpha';
}

/** Adds two amounts in cents. */
export function add(a: number, b: number): number {
  return a + b;
}

/** Formats cents as units.cents; no test calls it (the planted coverage gap). */
export function formatCents(cents: number): string {
  const units = Math.floor(cents / 100);
  const rest = String(cents % 100).padStart(2, '0');
  return \`\${units}.\${rest}\`;
}
`,
  );
  writeFileSync(
    lib('alpha', 'alpha.spec.ts'),
    `import { add, alpha } from './alpha.js';

describe('alpha', () => {
  it('should work', () => {
    expect(alpha()).toEqual('alpha');
  });

  it('adds two amounts', () => {
    expect(add(2, 3)).toBe(5);
  });

  it('${PLANTED.failingTest.title}', () => {
    expect(add(2, 2)).toBe(5);
  });

  it.skip('${PLANTED.skippedTest.title}', () => {
    expect(add(0, 0)).toBe(0);
  });

  it.todo('${PLANTED.todoTest.title}');
});
`,
  );

  // Only a workspace made with the Vitest library (the quality e2e's) has it.
  if (existsSync(join(workspace, 'packages', PLANTED.vitest.lib))) plantVitestDefects(workspace, lib);

  writeFileSync(
    lib('beta', 'beta.ts'),
    `export function beta(): string {
  return 'beta';
}

export function parseSettings(raw: string): any {
  let parsed = JSON.parse(raw);
  return parsed;
}

export function firstKey(settings: Record<string, any>): string | undefined {
  debugger;
  return Object.keys(settings)[0];
}
`,
  );
  writeFileSync(
    lib('beta', 'beta.spec.ts'),
    `import { beta, firstKey, parseSettings } from './beta.js';

describe('beta', () => {
  it('should work', () => {
    expect(beta()).toEqual('beta');
  });

  it('parses settings and finds the first key', () => {
    expect(firstKey(parseSettings('{"a":1,"b":2}'))).toBe('a');
  });
});
`,
  );

  writeFileSync(
    lib('gamma', 'gamma.ts'),
    `export function gamma(): string {
  return 'gamma';
}

export function parsePort(value: string): number {
  const port: number = value;
  return port;
}
`,
  );
  writeFileSync(
    lib('gamma', 'gamma.spec.ts'),
    `import { gamma, parsePort } from './gamma.js';

describe('gamma', () => {
  it('should work', () => {
    expect(gamma()).toEqual('gamma');
  });

  it('passes the port through', () => {
    expect(String(parsePort('8080'))).toBe('8080');
  });
});
`,
  );
}

/** The planted failure, skip, todo and uncovered function of the Vitest library. */
function plantVitestDefects(workspace: string, lib: (name: string, file: string) => string): void {
  // Vitest globals (describe, it, expect), as the generated vitelib config turns them on.
  writeFileSync(
    lib(PLANTED.vitest.lib, 'vitelib.ts'),
    `export function vitelib(): string {
  return 'vitelib';
}

/** Doubles a number. */
export function double(value: number): number {
  return value * 2;
}

/** Halves a number, rounding toward zero when asked; no test calls it (the planted coverage gap). */
export function ${PLANTED.vitest.uncoveredFunction.name}(value: number, round: boolean): number {
  return round ? Math.trunc(value / 2) : value / 2;
}
`,
  );
  writeFileSync(
    lib(PLANTED.vitest.lib, 'vitelib.spec.ts'),
    `import { readFileSync } from 'node:fs';
import { double, vitelib } from './vitelib.js';

describe('vitelib', () => {
  it('should work', () => {
    expect(vitelib()).toEqual('vitelib');
  });

  it('doubles', () => {
    expect(double(2)).toBe(4);
  });

  it('${PLANTED.vitest.failingTitle}', () => {
    expect(double(3)).toBe(7);
  });

  it.skip('${PLANTED.vitest.skippedTitle}', () => {
    expect(double(0)).toBe(0);
  });

  it.todo('${PLANTED.vitest.todoTitle}');

  // What the vitest command gives its tests (TanStack Query's branch on NODE_ENV): both pass only as it runs them.
  it('runs under NODE_ENV test', () => {
    expect(process.env['NODE_ENV']).toBe('test');
  });

  it('reads a file relative to the working directory, the project', () => {
    expect(readFileSync('src/lib/fixture.txt', 'utf8').trim()).toBe('${PLANTED.vitest.lib}');
  });
});
`,
  );
  writeFileSync(lib(PLANTED.vitest.lib, 'fixture.txt'), `${PLANTED.vitest.lib}\n`);

  // The generated config replaced by one in TanStack Query's shape: no root, test files under a dir
  // relative to the project, which Vitest resolves against the working directory.
  const projectDir = join(workspace, 'packages', PLANTED.vitest.lib);
  const config = ['vite.config.ts', 'vite.config.mts', 'vitest.config.ts', 'vitest.config.mts'].map((name) => join(projectDir, name)).find((file) => existsSync(file));
  if (!config) throw new Error(`packages/${PLANTED.vitest.lib} has no Vitest config to replace`);
  const provider = /provider: '(v8|istanbul)'/.exec(readFileSync(config, 'utf8'))?.[1];
  if (!provider) throw new Error(`${config} names no coverage provider to keep`);
  writeFileSync(
    config,
    `import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: '${PLANTED.vitest.lib}',
    dir: './src',
    watch: false,
    globals: true,
    environment: 'node',
    coverage: { provider: '${provider}' },
  },
});
`,
  );
}
