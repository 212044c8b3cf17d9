import type { TaskResults } from '@nx/devkit';
import type { OriginOf } from '../report/read-project-results';
import { targetsOfCommand } from '../verdict/command-runs-target';

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
 * What this invocation's Nx task results say of each result's task: restored from a cache is
 * cached; ran (`success`/`failure`) is a candidate for fresh, with the task's hash and the run start,
 * so that reading the file can tell whether that task wrote it (`labelResultOrigin`: a result the
 * task did not replace is stale); skipped (a dependency failed), stopped or absent (e.g. `nx affected`
 * left the project out) is not-run, with the task status when the task was part of the run.
 */
export function originFromTaskResults(
  taskResults: TaskResults,
  runStartTime: number | undefined,
  argv: readonly string[],
  ownDependencies: (project: string, target: string) => readonly string[],
): OriginOf {
  const tasks = new Map<string, { status: string; hash?: string }>();
  for (const result of Object.values(taskResults)) {
    tasks.set(`${result.task.target.project}\u0000${result.task.target.target}`, { status: result.status, ...(result.task.hash ? { hash: result.task.hash } : {}) });
  }
  const ranSince = runStartOf(taskResults, runStartTime);
  const commandTargets = targetsOfCommand(argv);
  // The projects the run asked for: with a task of a target the command names, or of one of those
  // targets' own dependencies in the project. A project whose tasks ran only as another's dependency
  // (`^build` of a project `-p` or `affected` selected) was not asked for the command's targets.
  const asked = new Map<string, Set<string>>();
  const askedOf = (project: string): Set<string> => {
    let targets = asked.get(project);
    if (!targets) asked.set(project, (targets = new Set([...commandTargets].flatMap((target) => [target, ...ownDependencies(project, target)]))));
    return targets;
  };
  // Without the command's targets (argv unknown), every project with a task counts.
  const projects = new Set(
    Object.values(taskResults)
      .filter((r) => commandTargets.size === 0 || askedOf(r.task.target.project).has(r.task.target.target))
      .map((r) => r.task.target.project),
  );
  // A target the command names may have no task result at all when every one of its tasks was skipped.
  const targets = new Set([...Object.values(taskResults).map((r) => r.task.target.target), ...commandTargets]);
  return (project, target) => {
    const task = tasks.get(`${project}\u0000${target}`);
    // Nx leaves a task whose dependency failed out of the results: the run asked for this target of
    // this project (a task of the project ran, and the target is the command's or another project's),
    // so it was skipped, and what is on disk is an earlier run's.
    if (task === undefined) return projects.has(project) && targets.has(target) ? { origin: 'not-run', taskStatus: 'skipped' } : { origin: 'not-run' };
    if (RAN.has(task.status)) {
      return { origin: 'fresh', taskStatus: task.status, ...(task.hash ? { taskHash: task.hash } : {}), ...(ranSince !== undefined ? { ranSince } : {}) };
    }
    if (CACHED.has(task.status)) return { origin: 'cached', taskStatus: task.status };
    return { origin: 'not-run', taskStatus: task.status };
  };
}

const LOCAL_CACHE = new Set(['local-cache', 'local-cache-kept-existing']);

/**
 * The Nx hash of each task this run restored from the local cache, by project and target. The files
 * such a task restores are those its local cache entry holds, so an equal hash means equal files,
 * although Nx rewrites them on every restore when it cannot tell they are unchanged (no daemon). A
 * remote cache entry may hold another machine's output for the same hash: not counted.
 */
export function cachedTaskHashes(taskResults: TaskResults): (project: string, target: string) => string | undefined {
  const hashes = new Map<string, string>();
  for (const result of Object.values(taskResults)) {
    if (LOCAL_CACHE.has(result.status) && result.task.hash) hashes.set(`${result.task.target.project}\u0000${result.task.target.target}`, result.task.hash);
  }
  return (project, target) => hashes.get(`${project}\u0000${target}`);
}
