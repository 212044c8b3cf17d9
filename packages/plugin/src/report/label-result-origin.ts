import type { ResultOrigin } from '@nx-quality/core';

/** What the caller knows of the Nx task that records a result, in this invocation. */
export interface TaskOrigin {
  /** `fresh`: the task ran in this invocation (Nx status `success` or `failure`, see `taskStatus`). */
  origin: Extract<ResultOrigin, 'fresh' | 'cached' | 'recorded' | 'not-run'>;
  taskStatus?: string;
  /** The Nx hash of the task in this invocation. */
  taskHash?: string;
  /** Epoch ms the invocation started. */
  ranSince?: number;
}

/** The fields of a result file that tell which task run wrote it. */
interface Written {
  taskHash?: unknown;
  startedAt?: unknown;
  evaluatedAt?: unknown;
}

function startOf(value: Written): number | undefined {
  const at = typeof value.startedAt === 'string' ? value.startedAt : typeof value.evaluatedAt === 'string' ? value.evaluatedAt : undefined;
  const time = at === undefined ? Number.NaN : Date.parse(at);
  return Number.isNaN(time) ? undefined : time;
}

/**
 * The origin of a valid result file whose task ran in this invocation, from what the file says of
 * the task run that wrote it. A task that succeeded wrote its result, so a file of another task hash,
 * or (without one) started before the run, was left by an earlier run: `stale`. A failed task wrote
 * it only when the hash matches: `fresh` when it started during the run, `cached` when it predates
 * it (Nx replays a cached failure under `NX_CACHE_FAILURES` as `failure`); otherwise the task ended
 * without replacing it: `stale`. Without a hash on both sides (an older result, a task Nx did not
 * hash) the start time decides, and with no run start either Nx's word stands.
 */
export function labelResultOrigin(task: TaskOrigin, value: Written): { origin: ResultOrigin; reason?: string } {
  if (task.origin !== 'fresh') return { origin: task.origin };
  const fileHash = typeof value.taskHash === 'string' && value.taskHash ? value.taskHash : undefined;
  const started = startOf(value);
  const predates = task.ranSince !== undefined && started !== undefined && started < task.ranSince;
  const when = started !== undefined ? new Date(started).toISOString() : 'an unknown time';
  const nxSays = task.taskStatus === 'failure' ? 'failed' : 'succeeded';
  const stale = (why: string) => ({
    origin: 'stale' as const,
    reason: `this run's task ${nxSays} without replacing it; ${why}`,
  });
  if (fileHash && task.taskHash) {
    if (fileHash !== task.taskHash) return stale(`it was written by another task run (hash ${fileHash.slice(0, 12)}, this run's ${task.taskHash.slice(0, 12)}) at ${when}`);
    if (task.taskStatus === 'failure' && predates) return { origin: 'cached' };
    return { origin: 'fresh' };
  }
  if (predates) return stale(`it was written at ${when}, before this run started`);
  return { origin: 'fresh' };
}
