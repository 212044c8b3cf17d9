import type { ExecutorContext } from '@nx/devkit';
import type { ProjectRef } from '../../shared/project-ref';
import { isEndToEndTargetName } from '../../tool-facts/end-to-end-target-name';
import { OFFICIAL_EXECUTORS } from '../../tool-facts/official-plugins';
import { projectTargets } from '../shared/project-targets';

/**
 * The project's other test targets on an official test executor (`@nx/jest:jest`, `@nx/vitest:test`…),
 * besides `officialTarget`, the one ours stands beside (code-pushup declares `unit-test` and
 * `int-test`), sorted. End-to-end targets (`e2e` in the name) are left out, as `nx run-many -t test`
 * leaves them out. Read from the task's project graph; empty without one, or when ours stands beside
 * no official target.
 */
export function otherOfficialTestTargets(project: ProjectRef, officialTarget: string | undefined, context: ExecutorContext | undefined): string[] {
  if (!officialTarget || !context) return [];
  const executors: readonly string[] = OFFICIAL_EXECUTORS.test;
  return Object.entries(projectTargets(context, project.name))
    .filter(([name, target]) => name !== officialTarget && name !== context.targetName && !isEndToEndTargetName(name) && executors.includes(String(target.executor)))
    .map(([name]) => name)
    .sort();
}
