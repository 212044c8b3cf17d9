import { join } from 'node:path';
import { OFFICIAL_EXECUTORS } from '../tool-facts/official-plugins';
import { readJsonIfPresent } from './read-json-if-present';

/** The targets a project declares itself (project.json `targets`, package.json `nx.targets`). */
export interface ExplicitTargets {
  names: Set<string>;
  /** Per kind, the first declared target that runs the official executor of that tool. */
  official: Partial<Record<keyof typeof OFFICIAL_EXECUTORS, string>>;
}

/**
 * The targets a project declares in its own files. A declared target replaces an inferred one of the
 * same name when their executors differ, so ours must not take such a name; and in a workspace that
 * declares its targets with executors (`useInferencePlugins: false`), the declared `@nx/jest:jest`,
 * `@nx/vitest:test` (`@nx/vite:test`) or `@nx/eslint:lint` target is the one ours stands beside.
 */
export function explicitTargets(workspaceRoot: string, projectRoot: string): ExplicitTargets {
  type Targets = Record<string, { executor?: unknown } | undefined>;
  const projectJson = readJsonIfPresent(join(workspaceRoot, projectRoot, 'project.json')) as { targets?: Targets } | undefined;
  const packageJson = readJsonIfPresent(join(workspaceRoot, projectRoot, 'package.json')) as { nx?: { targets?: Targets } } | undefined;
  const declared: Targets = { ...packageJson?.nx?.targets, ...projectJson?.targets };
  const official: ExplicitTargets['official'] = {};
  for (const kind of Object.keys(OFFICIAL_EXECUTORS) as (keyof typeof OFFICIAL_EXECUTORS)[]) {
    const executors: readonly string[] = OFFICIAL_EXECUTORS[kind];
    const name = Object.keys(declared).find((target) => executors.includes(String(declared[target]?.executor)));
    if (name) official[kind] = name;
  }
  // A declared target without an executor only adds options to an inferred one of its name: not a replacement.
  const names = new Set(Object.keys(declared).filter((target) => declared[target]?.executor !== undefined || (declared[target] as { command?: unknown })?.command !== undefined));
  return { names, official };
}
