import type { PluginConfiguration } from '@nx/devkit';

/** Our target kinds and the official plugin each one supersedes. */
export const OFFICIAL_PLUGINS = {
  test: '@nx/jest/plugin',
  lint: '@nx/eslint/plugin',
  typecheck: '@nx/js/typescript',
} as const;
/** The tools whose official inferred targets `init --replaceOfficial` can supersede. */
export type ToolKind = keyof typeof OFFICIAL_PLUGINS;

/** Name of a plugin registration, whether written as a string or an object. */
export function pluginName(entry: PluginConfiguration): string {
  return typeof entry === 'string' ? entry : entry.plugin;
}

/**
 * The target name an official plugin registration infers for our tool kind, or undefined when it
 * infers none (e.g. @nx/js/typescript with `typecheck: false`).
 */
export function officialTargetName(kind: ToolKind, entry: PluginConfiguration): string | undefined {
  const options = (typeof entry === 'string' ? {} : (entry.options ?? {})) as Record<string, unknown>;
  if (kind === 'typecheck') {
    const typecheck = options['typecheck'];
    if (typecheck === false) return undefined;
    const name = typeof typecheck === 'object' && typecheck !== null ? (typecheck as { targetName?: unknown }).targetName : undefined;
    return typeof name === 'string' ? name : 'typecheck';
  }
  const name = options['targetName'];
  return typeof name === 'string' ? name : kind;
}
