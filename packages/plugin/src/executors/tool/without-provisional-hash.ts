import type { Task, TaskGraph } from '@nx/devkit';

/**
 * The task as its result should record it: without its hash when one of its dependencies runs in
 * the same batch. Nx hashes every task of a batch before running it, so the hash of a task whose
 * inputs include its dependencies' outputs (a quality task's `dependentTasksOutputFiles`) covers
 * the files an earlier run left; Nx hashes it again after the batch and caches it under that hash,
 * which the task never sees. A result without a hash is told fresh or stale by its time instead.
 */
export function withoutProvisionalHash(taskGraph: TaskGraph, taskId: string): Task {
  const task = taskGraph.tasks[taskId]!;
  const dependsInBatch = (taskGraph.dependencies[taskId] ?? []).some((dependency) => dependency in taskGraph.tasks);
  if (!dependsInBatch || task.hash === undefined) return task;
  const { hash: _provisional, hashDetails: _details, ...rest } = task;
  return rest as Task;
}
