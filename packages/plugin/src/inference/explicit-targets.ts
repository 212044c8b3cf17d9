import type { TargetConfiguration } from '@nx/devkit';
import { join } from 'node:path';
import { OFFICIAL_EXECUTORS } from '../tool-facts/official-plugins';
import { readJsonIfPresent } from './read-json-if-present';

/** The targets a project declares itself (project.json `targets`, package.json `nx.targets`). */
export interface ExplicitTargets {
  names: Set<string>;
  /** Per kind, the first declared target that runs the official executor of that tool. */
  official: Partial<Record<keyof typeof OFFICIAL_EXECUTORS, string>>;
  /**
   * Every declared target: its executor (`nx:run-commands` for a `command`; none for one that only
   * adds to an inferred target of its name) and its own `dependsOn`.
   */
  targets: Record<string, { executor?: string; dependsOn?: TargetConfiguration['dependsOn'] }>;
}

/**
 * The targets a project declares in its own files. A declared target replaces an inferred one of the
 * same name when their executors differ, so ours must not take such a name; and in a workspace that
 * declares its targets with executors (`useInferencePlugins: false`), the declared `@nx/jest:jest`,
 * `@nx/vitest:test` (`@nx/vite:test`) or `@nx/eslint:lint` target is the one ours stands beside.
 */
export function explicitTargets(workspaceRoot: string, projectRoot: string): ExplicitTargets {
  type Targets = Record<string, { executor?: unknown; command?: unknown; dependsOn?: TargetConfiguration['dependsOn'] } | undefined>;
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
  const targets: ExplicitTargets['targets'] = {};
  for (const [name, target] of Object.entries(declared)) {
    const executor = target?.executor !== undefined ? String(target.executor) : target?.command !== undefined ? 'nx:run-commands' : undefined;
    targets[name] = { ...(executor ? { executor } : {}), ...(target?.dependsOn !== undefined ? { dependsOn: target.dependsOn } : {}) };
  }
  return { names: new Set(Object.keys(targets).filter((name) => targets[name]!.executor !== undefined)), official, targets };
}
