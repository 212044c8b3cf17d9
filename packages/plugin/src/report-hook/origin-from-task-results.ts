import type { TaskResults } from '@nx/devkit';
import type { OriginOf } from '../executors/quality-report/read-project-results';

const CACHED = new Set(['local-cache', 'local-cache-kept-existing', 'remote-cache']);
const RAN = new Set(['success', 'failure']);

/**
 * When this invocation started (epoch ms): the run's `startTime`, or the earliest task start when
 * that is earlier or the run's is unknown. A result started before it was not produced by this run.
 */
export function runStartOf(taskResults: TaskResults, runStartTime?: number): number | undefined {
  const starts = Object.values(taskResults)
    .map((r) => r.task.startTime)
    .filter((t): t is number => typeof t === 'number' && Number.isFinite(t) && t > 0);
  if (typeof runStartTime === 'number' && Number.isFinite(runStartTime) && runStartTime > 0) starts.push(runStartTime);
  return starts.length ? Math.min(...starts) : undefined;
}

/**
 * Labels results by the Nx task that records them in this invocation: ran (`success`/`failure`) is
 * fresh, restored from a cache is cached, and skipped (a dependency failed), stopped or absent
 * (e.g. `nx affected` left the project out) is not-run. With `NX_CACHE_FAILURES=true` Nx replays a
 * cached failure as `failure`, so a fresh label carries the run start: a result file started before
 * it is relabelled cached when read.
 */
export function originFromTaskResults(taskResults: TaskResults, runStartTime?: number): OriginOf {
  const statuses = new Map<string, string>();
  for (const result of Object.values(taskResults)) {
    statuses.set(`${result.task.target.project}\u0000${result.task.target.target}`, result.status);
  }
  const ranSince = runStartOf(taskResults, runStartTime);
  return (project, target) => {
    const status = statuses.get(`${project}\u0000${target}`);
    if (status === undefined) return { origin: 'not-run' };
    if (RAN.has(status)) return { origin: 'fresh', taskStatus: status, ...(ranSince !== undefined ? { ranSince } : {}) };
    if (CACHED.has(status)) return { origin: 'cached', taskStatus: status };
    return { origin: 'not-run', taskStatus: status };
  };
}
