import type { ExecutorContext, Task, TaskGraph } from '@nx/devkit';

/** The task of `taskGraph` that an executor context (or a batch context narrowed to one task) stands for. */
export function taskOfContext(context: ExecutorContext, taskGraph: TaskGraph | undefined = context.taskGraph): Task | undefined {
  return Object.values(taskGraph?.tasks ?? {}).find(
    ({ target }) => target.project === context.projectName && target.target === context.targetName && (target.configuration ?? undefined) === (context.configurationName ?? undefined),
  );
}
