import type { Linter } from 'eslint';
import { createHealthConfig, type HealthConfigOptions } from './health';
import { healthJestPlugin } from './health-jest-plugin';
import { createRecommendedConfig, type RecommendedConfigOptions } from './recommended';

/**
 * The eslintrc form (ESLint 8, and 9 with ESLINT_USE_FLAT_CONFIG=false) of a flat config of this plugin,
 * derived from it so both forms always run the same rules: the entry without `files` gives the top-level
 * rules, every entry with `files` an override, `ignores` the ignorePatterns. Plugins are named (eslintrc
 * loads them by name from the workspace), and the parser by path: eslintrc resolves a parser named in a
 * plugin's config relative to the plugin, where typescript-eslint's parser may be nested.
 */
function toEslintrc(flat: Linter.Config[]): Linter.LegacyConfig {
  const plugins = new Set<string>();
  const overrides: NonNullable<Linter.LegacyConfig['overrides']> = [];
  const legacy: Linter.LegacyConfig = {};
  for (const entry of flat) {
    for (const name of Object.keys(entry.plugins ?? {})) plugins.add(name);
    if (entry.ignores && Object.keys(entry).every((key) => key === 'ignores' || key === 'name')) {
      legacy.ignorePatterns = [...(toArray(legacy.ignorePatterns)), ...entry.ignores];
      continue;
    }
    const parserOptions = entry.languageOptions?.parser
      ? {
          parser: typescriptEslintParserPath(),
          parserOptions: {
            ecmaVersion: entry.languageOptions.ecmaVersion,
            sourceType: entry.languageOptions.sourceType,
            ...(entry.languageOptions.parserOptions as Linter.ParserOptions | undefined),
          } as Linter.ParserOptions,
        }
      : {};
    const reportUnused = entry.linterOptions?.reportUnusedDisableDirectives === 'off' ? { reportUnusedDisableDirectives: false } : {};
    if (entry.files) overrides.push({ files: entry.files.flat() as string[], ...parserOptions, rules: entry.rules ?? {} });
    else Object.assign(legacy, parserOptions, { rules: { ...legacy.rules, ...entry.rules } });
    Object.assign(legacy, reportUnused);
  }
  return { ...legacy, plugins: [...plugins], ...(overrides.length > 0 ? { overrides } : {}) };
}

function toArray(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function typescriptEslintParserPath(): string {
  return require.resolve('@typescript-eslint/parser', { paths: [require.resolve('typescript-eslint')] });
}

/** `recommended` for eslintrc: `extends: ['plugin:@nx-quality/legacy-recommended']`. */
export function createLegacyRecommendedConfig(options: RecommendedConfigOptions = {}): Linter.LegacyConfig {
  return toEslintrc(createRecommendedConfig(options));
}

/** `health` for eslintrc: `extends: ['plugin:@nx-quality/legacy-health']` (typescript-eslint's and eslint-plugin-jest's plugins installed in the workspace). */
export function createLegacyHealthConfig(options: HealthConfigOptions = {}): Linter.LegacyConfig {
  // Only the plugins' names are kept, so the lighter jest plugin object does.
  return toEslintrc(createHealthConfig({ ...options, jestPlugin: options.jestPlugin ?? healthJestPlugin() }));
}
