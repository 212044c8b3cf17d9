import type { PluginConfiguration } from '@nx/devkit';
import { nxMajor } from './nx-major';

/** Our target kinds and the official plugin whose inferred target each one stands beside. */
export const OFFICIAL_PLUGINS = {
  test: '@nx/jest/plugin',
  lint: '@nx/eslint/plugin',
  typecheck: '@nx/js/typescript',
} as const;
/**
 * Executors of the official targets ours stand beside when a workspace declares its targets
 * instead of inferring them (`useInferencePlugins: false`).
 */
export const OFFICIAL_EXECUTORS = {
  test: ['@nx/jest:jest', '@nrwl/jest:jest', '@nx/vitest:test', '@nx/vite:test', '@nrwl/vite:test'],
  lint: ['@nx/eslint:lint', '@nx/linter:eslint', '@nrwl/linter:eslint'],
} as const;
/** The tools whose official inferred targets ours stand beside (and `init --replaceOfficial` supersedes). */
export type ToolKind = keyof typeof OFFICIAL_PLUGINS;
export const TOOL_KINDS = Object.keys(OFFICIAL_PLUGINS) as ToolKind[];

/**
 * The official plugins that infer a Vitest `test` target, named by their `testTargetName` option
 * (default `test`): `@nx/vitest` (what `nx g @nx/js:lib --unitTestRunner=vitest` registers since Nx 22)
 * and `@nx/vite/plugin` (before). They stand for the test kind beside @nx/jest/plugin.
 */
export const OFFICIAL_VITEST_PLUGINS: readonly string[] = ['@nx/vitest', '@nx/vitest/plugin', '@nx/vite/plugin'];
/**
 * From this Nx major on, `@nx/vite/plugin` infers no test target (its build, serve and typecheck
 * targets only; `@nx/vitest` infers the tests), whatever its options say.
 */
const FIRST_NX_MAJOR_WITHOUT_VITE_TESTS = 23;

/** One nx.json registration of an official plugin that infers a target of our kind. */
export interface OfficialEntry {
  kind: ToolKind;
  plugin: string;
  /** The target name it infers (`targetName`, for @nx/js/typescript `typecheck.targetName`). */
  targetName: string;
  include?: string[];
  exclude?: string[];
  /** @nx/js/typescript: the tsconfig file name its typecheck target is inferred from. */
  typecheckConfigName?: string;
  /** The registration's options as written. */
  options: Record<string, unknown>;
  /** Its position in nx.json `plugins`: of two plugins inferring one target name, the later one's target stands. */
  index: number;
}

/** Name of a plugin registration, whether written as a string or an object. */
export function pluginName(entry: PluginConfiguration): string {
  return typeof entry === 'string' ? entry : entry.plugin;
}

/** A registration's options, `{}` for the string form. */
export function pluginOptions(entry: PluginConfiguration): Record<string, unknown> {
  return (typeof entry === 'string' ? {} : (entry.options ?? {})) as Record<string, unknown>;
}

/**
 * The target name an official plugin registration infers for our tool kind, or undefined when it
 * infers none (e.g. @nx/js/typescript with `typecheck: false`).
 */
export function officialTargetName(kind: ToolKind, entry: PluginConfiguration): string | undefined {
  const options = pluginOptions(entry);
  if (kind === 'typecheck') {
    const typecheck = options['typecheck'];
    if (typecheck === false) return undefined;
    const name = typeof typecheck === 'object' && typecheck !== null ? (typecheck as { targetName?: unknown }).targetName : undefined;
    return typeof name === 'string' ? name : 'typecheck';
  }
  const name = options['targetName'];
  return typeof name === 'string' ? name : kind;
}

/**
 * The registrations of the official Vitest plugins that infer a test target, in order. `nxVersion` is
 * the workspace's installed Nx (`installedNxVersion`): `@nx/vite/plugin` registrations count only
 * before Nx 23, or when it is unknown.
 */
export function findOfficialVitestEntries(plugins: readonly PluginConfiguration[] | undefined, nxVersion: string | undefined): OfficialEntry[] {
  const major = nxMajor(nxVersion);
  const viteInfersTests = major === undefined || major < FIRST_NX_MAJOR_WITHOUT_VITE_TESTS;
  const found: OfficialEntry[] = [];
  for (const [index, entry] of (plugins ?? []).entries()) {
    const plugin = pluginName(entry);
    if (!OFFICIAL_VITEST_PLUGINS.includes(plugin)) continue;
    if (plugin === '@nx/vite/plugin' && !viteInfersTests) continue;
    const options = pluginOptions(entry);
    const name = options['testTargetName'];
    found.push({
      kind: 'test',
      plugin,
      targetName: typeof name === 'string' ? name : 'test',
      include: typeof entry === 'string' ? undefined : stringsOf(entry.include),
      exclude: typeof entry === 'string' ? undefined : stringsOf(entry.exclude),
      options,
      index,
    });
  }
  return found;
}

function stringsOf(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : undefined;
}

/** The registrations in nx.json `plugins` that infer a target of this kind, in order. */
export function findOfficialEntries(plugins: readonly PluginConfiguration[] | undefined, kind: ToolKind): OfficialEntry[] {
  const found: OfficialEntry[] = [];
  for (const [index, entry] of (plugins ?? []).entries()) {
    if (pluginName(entry) !== OFFICIAL_PLUGINS[kind]) continue;
    const targetName = officialTargetName(kind, entry);
    if (targetName === undefined) continue;
    const options = pluginOptions(entry);
    const patterns = (value: unknown) => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : undefined);
    const typecheck = options['typecheck'];
    const configName = typeof typecheck === 'object' && typecheck !== null ? (typecheck as { configName?: unknown }).configName : undefined;
    found.push({
      kind,
      plugin: OFFICIAL_PLUGINS[kind],
      targetName,
      include: typeof entry === 'string' ? undefined : patterns(entry.include),
      exclude: typeof entry === 'string' ? undefined : patterns(entry.exclude),
      ...(kind === 'typecheck' && { typecheckConfigName: typeof configName === 'string' ? configName : 'tsconfig.json' }),
      options,
      index,
    });
  }
  return found;
}
