import type { ExecutorContext, Task } from '@nx/devkit';
import { OFFICIAL_TARGET_NAME } from '../../shared/task-environment-options';
import { resolveToolModule } from './resolve-tool-module';

interface NxTaskEnvModule {
  getTaskSpecificEnv?: (task: Task, graph: NonNullable<ExecutorContext['projectGraph']>) => NodeJS.ProcessEnv;
}

/**
 * The environment Nx gives a task it forks on its own, which a batch worker (one environment for
 * all its tasks) lacks: the task's `.env` files (project root and workspace root, target- and
 * configuration-specific ones) and `NX_TASK_TARGET_*`/`NX_TASK_HASH`.
 *
 * With `officialTarget` (the official target ours stands beside, e.g. `test` beside our
 * `quality-test`), the `.env` files Nx loads for that name apply too, so the tool sees what it sees
 * under the official target (typically `NODE_OPTIONS=--experimental-vm-modules` in `.env.test`);
 * our own target's files win where both set a variable. The official target's `env` option (as
 * run-commands applies it; workspaces set `NODE_OPTIONS` there through targetDefaults) and then our
 * own target's `env` option come on top.
 *
 * Uses the workspace's Nx (`getTaskSpecificEnv`, not part of @nx/devkit); undefined when that Nx has
 * no such function or there is no project graph, and the environment stays as it is.
 */
export function nxTaskEnv(task: Task, context: ExecutorContext, rawOptions?: unknown): NodeJS.ProcessEnv | undefined {
  const officialTarget = officialTargetOf(rawOptions);
  if (!context.projectGraph) return undefined;
  const resolved = resolveToolModule('nx/src/tasks-runner/task-env', [context.root]);
  if (!resolved) return undefined;
  const taskEnvModule = require(resolved.path) as NxTaskEnvModule;
  if (typeof taskEnvModule.getTaskSpecificEnv !== 'function') return undefined;
  const own = taskEnvModule.getTaskSpecificEnv(task, context.projectGraph);
  let env: NodeJS.ProcessEnv = own;
  if (officialTarget && officialTarget !== task.target.target) {
    const target = { ...task.target, target: officialTarget };
    // Nx caches the environment by task id: the official target's needs an id of its own.
    const id = [target.project, target.target, target.configuration].filter(Boolean).join(':');
    const official = taskEnvModule.getTaskSpecificEnv({ ...task, id, target }, context.projectGraph);
    env = { ...official, ...own };
    // Like run-commands, the official target's `env` option (often from targetDefaults) wins over .env files.
    env = { ...env, ...envOption(context.projectGraph.nodes[task.target.project]?.data.targets?.[officialTarget]?.options) };
  }
  env = { ...env, ...envOption(rawOptions) };
  env = { ...env, NX_TASK_TARGET_PROJECT: task.target.project, NX_TASK_TARGET_TARGET: task.target.target };
  if (task.target.configuration) env['NX_TASK_TARGET_CONFIGURATION'] = task.target.configuration;
  if (task.hash) env['NX_TASK_HASH'] = task.hash;
  return env;
}

/** The string values of an `env` option (run-commands' shape), when options have one. */
function envOption(options: unknown): Record<string, string> {
  const env = (options as { env?: unknown } | undefined)?.env;
  if (env === null || typeof env !== 'object' || Array.isArray(env)) return {};
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/** The `officialTarget` option of a task's raw options, when it is a usable target name. */
export function officialTargetOf(rawOptions: unknown): string | undefined {
  const value = (rawOptions as { officialTarget?: unknown } | undefined)?.officialTarget;
  return typeof value === 'string' && OFFICIAL_TARGET_NAME.test(value) ? value : undefined;
}
