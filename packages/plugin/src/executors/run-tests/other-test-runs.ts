import type { ExecutorContext } from '@nx/devkit';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProjectRef } from '../../shared/project-ref';
import type { WorkspacePath } from '../../shared/workspace-path';
import { officialTestRunner } from '../../tool-facts/official-test-runner';
import { findVitestConfigFile } from '../../tool-facts/vitest-config-files';
import { nxTaskEnv } from '../shared/nx-task-env';
import { readTargetOptions } from '../shared/read-official-target-options';
import { taskOfContext } from '../shared/task-of-context';
import { officialPassesWithNoTests } from './official-passes-with-no-tests';
import { officialTestDirectory } from './official-test-directory';
import { otherOfficialTestTargets } from './other-official-test-targets';

/** Another official test target whose tests the task runs after those of the one ours stands beside: what differs for its run. */
export interface OtherTestRun {
  officialTarget: string;
  /** The config it runs (jestConfig of @nx/jest:jest, configFile of @nx/vitest:test, else the project's Vitest config). */
  config: WorkspacePath;
  /** Absolute: where its executor runs the runner. */
  workingDirectory: string;
  passWithNoTests: boolean;
  /** The environment Nx gives a task of that target (its `.env` files and `env` option, then our target's); undefined: the task's own. */
  env?: NodeJS.ProcessEnv;
}

/** What the task runs besides the official target it stands beside, and which official test targets it leaves out. */
export interface OtherTestRuns {
  runs: OtherTestRun[];
  notRun: string[];
}

/**
 * The project's other official test targets (`otherOfficialTestTargets`) whose tests the task runs
 * too, as each target's executor would run them: those on the task's runner with a config of their
 * own. A target whose config is one already run (a `test-ci` running the same file) adds nothing; one
 * on another runner, an @nx/jest:jest without `jestConfig`, or one whose environment sets other
 * NODE_OPTIONS than the task's (its `.env.<name>`) is left out and named. With `include` false, every
 * one is left out. `passWithNoTests` is ours when our options set it, else the target's.
 */
export function otherTestRuns(
  project: ProjectRef,
  task: { officialTarget?: string; runner: string; config?: WorkspacePath; include: boolean; passWithNoTests?: boolean; rawOptions: unknown },
  toPath: (file: string) => WorkspacePath,
  context: ExecutorContext | undefined,
): OtherTestRuns {
  const names = otherOfficialTestTargets(project, task.officialTarget, context);
  // Most projects have one test target: then the task's environment is not read here again.
  if (!context || !task.include || names.length === 0) return { runs: [], notRun: names };
  const runs: OtherTestRun[] = [];
  const notRun: string[] = [];
  const seen = new Set(task.config ? [task.config.absolute] : []);
  const nxTask = taskOfContext(context);
  // Node reads NODE_OPTIONS only when a process starts: a run needing others than the task's cannot happen in its process.
  const nodeOptionsOf = (env: NodeJS.ProcessEnv | undefined): string | undefined => (env ?? process.env)['NODE_OPTIONS'] || undefined;
  const ownNodeOptions = nodeOptionsOf(nxTask ? nxTaskEnv(nxTask, context, task.rawOptions) : undefined);
  for (const name of names) {
    const target = readTargetOptions(project, name, context);
    const { runner, configOption } = officialTestRunner(String(target?.executor));
    const configured = target?.options[configOption];
    const file =
      typeof configured === 'string' && configured !== ''
        ? configured
        : runner === 'vitest'
          ? findVitestConfigFile(join(project.workspaceRoot, project.root), existsSync, (path) => readFileSync(path, 'utf8'), join)
          : undefined;
    if (!target || runner !== task.runner || !file) {
      notRun.push(name);
      continue;
    }
    const config = toPath(file);
    if (seen.has(config.absolute)) continue;
    seen.add(config.absolute);
    const env = nxTask ? nxTaskEnv(nxTask, context, { ...(task.rawOptions as object | undefined), officialTarget: name }) : undefined;
    if (nodeOptionsOf(env) !== ownNodeOptions) {
      notRun.push(name);
      continue;
    }
    runs.push({
      officialTarget: name,
      config,
      workingDirectory: officialTestDirectory(project, target, context.cwd),
      passWithNoTests: task.passWithNoTests ?? officialPassesWithNoTests(project, target),
      ...(env ? { env } : {}),
    });
  }
  return { runs, notRun };
}
