import type { TaskGraph } from '@nx/devkit';

/** The batch's task ids, every task after the tasks it depends on inside the batch. */
export function dependencyOrder(taskGraph: TaskGraph): string[] {
  const ordered: string[] = [];
  const placed = new Set<string>();
  const visit = (taskId: string, path: Set<string>): void => {
    if (placed.has(taskId) || path.has(taskId) || !taskGraph.tasks[taskId]) return;
    path.add(taskId);
    for (const dependency of taskGraph.dependencies[taskId] ?? []) visit(dependency, path);
    placed.add(taskId);
    ordered.push(taskId);
  };
  for (const taskId of Object.keys(taskGraph.tasks)) visit(taskId, new Set());
  return ordered;
}
