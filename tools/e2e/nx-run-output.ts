import type { ProbedTask } from './nx-task-probe';

/**
 * The tasks of one Nx invocation as Nx's own `--output-style=static` output tells them: every
 * `> nx run <task>` header (with `[local cache]`, `[remote cache]` or `[existing outputs match the
 * cache, left as is]` when Nx restored it), the "Failed tasks:" list and the list of tasks not run
 * because a dependency failed.
 *
 * The probe plugin (nx-task-probe.ts) cannot be relied on when another plugin's postTasksExecution
 * hook throws (as @nx-quality/plugin's does when a gate fails): Nx awaits the hooks with Promise.all
 * in isolated plugin workers and exits on the first rejection, often before the probe has written.
 */
export function tasksFromNxOutput(output: string): ProbedTask[] {
  const tasks = new Map<string, ProbedTask>();
  const make = (id: string, status: ProbedTask['status']): ProbedTask => {
    const [project = '', target = ''] = id.split(':');
    return { id, project, target, status };
  };
  const lines = output.split('\n').map((line) => line.replace(/\r$/, ''));
  for (const line of lines) {
    const header = /^> nx run (\S+?)(?:\s+\[(local cache|remote cache|existing outputs match the cache, left as is)\])?\s*$/.exec(line);
    if (!header) continue;
    const id = header[1]!;
    const restored = header[2];
    const status: ProbedTask['status'] =
      restored === 'local cache' ? 'local-cache' : restored === 'remote cache' ? 'remote-cache' : restored ? 'local-cache-kept-existing' : 'success';
    tasks.set(id, make(id, status));
  }
  const section = (title: RegExp, status: ProbedTask['status']) => {
    const start = lines.findIndex((line) => title.test(line));
    if (start < 0) return;
    let items = 0;
    for (const line of lines.slice(start + 1)) {
      const item = /^\s*- (\S+:\S+)\s*$/.exec(line);
      if (item) {
        tasks.set(item[1]!, make(item[1]!, status));
        items++;
      } else if (line.trim() !== '' || items > 0) {
        break;
      }
    }
  };
  section(/^Failed tasks:\s*$/, 'failure');
  section(/^Tasks not run because their dependencies failed/, 'skipped');
  return [...tasks.values()];
}
