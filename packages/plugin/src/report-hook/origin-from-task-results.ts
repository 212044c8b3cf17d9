import type { TaskResults } from '@nx/devkit';
import type { OriginOf } from '../executors/quality-report/read-project-results';

const CACHED = new Set(['local-cache', 'local-cache-kept-existing', 'remote-cache']);
const RAN = new Set(['success', 'failure']);

/**
 * Labels results by the Nx task that records them in this invocation: ran (`success`/`failure`) is
 * fresh, restored from a cache is cached, and skipped (a dependency failed), stopped or absent
 * (e.g. `nx affected` left the project out) is not-run.
 */
export function originFromTaskResults(taskResults: TaskResults): OriginOf {
  const statuses = new Map<string, string>();
  for (const result of Object.values(taskResults)) {
    statuses.set(`${result.task.target.project}\u0000${result.task.target.target}`, result.status);
  }
  return (project, target) => {
    const status = statuses.get(`${project}\u0000${target}`);
    if (status === undefined) return { origin: 'not-run' };
    if (RAN.has(status)) return { origin: 'fresh', taskStatus: status };
    if (CACHED.has(status)) return { origin: 'cached', taskStatus: status };
    return { origin: 'not-run', taskStatus: status };
  };
}
