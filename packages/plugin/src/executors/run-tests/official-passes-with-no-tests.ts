import type { OfficialTargetOptions } from '../shared/read-official-target-options';

const FLAGS = new Set(['--passWithNoTests', '--pass-with-no-tests', '--passWithNoTests=true', '--pass-with-no-tests=true']);

/**
 * Whether the official test target ours stands beside passes when no test file is found: its
 * `passWithNoTests` option (an `@nx/jest:jest` or `@nx/vitest:test` option, or a flag run-commands
 * hands to the `jest`/`vitest` command an official plugin infers; workspaces often set it in
 * targetDefaults) or that flag among its `args`.
 */
export function officialPassesWithNoTests(official: OfficialTargetOptions | undefined): boolean {
  if (!official) return false;
  const { passWithNoTests, args } = official.options;
  if (passWithNoTests === true || passWithNoTests === 'true') return true;
  const list = typeof args === 'string' ? args.split(/\s+/) : Array.isArray(args) ? args.filter((arg): arg is string => typeof arg === 'string') : [];
  return list.some((arg) => FLAGS.has(arg));
}
