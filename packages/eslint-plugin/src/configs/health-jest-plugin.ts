import type { ESLint } from 'eslint';

/** The eslint-plugin-jest rules the health config runs on test files. */
export const HEALTH_JEST_RULES = ['expect-expect', 'no-disabled-tests', 'no-focused-tests'] as const;

type RuleModule = NonNullable<ESLint.Plugin['rules']>[string];

/**
 * eslint-plugin-jest as the health config needs it: a plugin object (named `jest` in the config)
 * with only its `HEALTH_JEST_RULES`, loaded file by file. The package's entry point loads every one
 * of its rules, and one of them loads typescript-eslint's rule set, which a batch worker pays for
 * before it can measure anything. The rule objects are the package's own (the same modules its
 * entry point loads), so results do not change. A version that moved its rule files gets the
 * entry point's rules instead.
 */
export function healthJestPlugin(load: (request: string) => unknown = require): ESLint.Plugin {
  const manifest = load('eslint-plugin-jest/package.json') as { name: string; version: string };
  const meta = { name: manifest.name, version: manifest.version };
  try {
    const rules = Object.fromEntries(HEALTH_JEST_RULES.map((name) => [name, defaultExport(load(`eslint-plugin-jest/lib/rules/${name}`)) as RuleModule]));
    if (Object.values(rules).every(isRule)) return { meta, rules };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error;
  }
  const all = defaultExport(load('eslint-plugin-jest')) as ESLint.Plugin;
  return { meta, rules: Object.fromEntries(HEALTH_JEST_RULES.map((name) => [name, all.rules?.[name] as RuleModule])) };
}

function defaultExport(loaded: unknown): unknown {
  return loaded && typeof loaded === 'object' && 'default' in loaded ? (loaded as { default: unknown }).default : loaded;
}

function isRule(rule: unknown): boolean {
  return !!rule && typeof rule === 'object' && typeof (rule as { create?: unknown }).create === 'function';
}
