import type { ExecutorContext, Task } from '@nx/devkit';
import { resolveToolModule } from '../shared/resolve-tool-module';

interface NxTaskEnvModule {
  getTaskSpecificEnv?: (task: Task, graph: NonNullable<ExecutorContext['projectGraph']>) => NodeJS.ProcessEnv;
}

/**
 * The environment Nx gives a task it forks on its own, which a batch worker (one environment for
 * all its tasks) lacks: the task's `.env` files (project root and workspace root, target- and
 * configuration-specific ones) and `NX_TASK_TARGET_*`/`NX_TASK_HASH`. Uses the workspace's Nx
 * (`getTaskSpecificEnv`, not part of @nx/devkit); undefined when that Nx has no such function or
 * there is no project graph, and the batch environment stays as it is.
 */
export function nxTaskEnv(task: Task, context: ExecutorContext): NodeJS.ProcessEnv | undefined {
  if (!context.projectGraph) return undefined;
  const resolved = resolveToolModule('nx/src/tasks-runner/task-env', [context.root]);
  if (!resolved) return undefined;
  const taskEnvModule = require(resolved.path) as NxTaskEnvModule;
  if (typeof taskEnvModule.getTaskSpecificEnv !== 'function') return undefined;
  const env: NodeJS.ProcessEnv = {
    ...taskEnvModule.getTaskSpecificEnv(task, context.projectGraph),
    NX_TASK_TARGET_PROJECT: task.target.project,
    NX_TASK_TARGET_TARGET: task.target.target,
  };
  if (task.target.configuration) env['NX_TASK_TARGET_CONFIGURATION'] = task.target.configuration;
  if (task.hash) env['NX_TASK_HASH'] = task.hash;
  return env;
}
