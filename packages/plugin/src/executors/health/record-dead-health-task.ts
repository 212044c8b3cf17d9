import type { ExecutorContext, Task } from '@nx/devkit';
import { DEFAULT_RESULTS_DIR, RESULT_FILE_NAMES, resolveResultsDir, toWorkspacePath, writeJsonAtomic } from '@nx-quality/core';
import { join } from 'node:path';
import { errorHealthResult } from '../../health/error-health-result';
import { gatesJudgeThisRun } from '../../verdict/gates-judge';
import { deadTaskProject, workerDiedError, type DeadTaskRecord } from '../shared/record-dead-worker-task';
import type { WorkerDeath } from '../shared/run-batch-in-workers';
import { optionsSchema } from './options';

/**
 * Records the `error` health.json of a health task whose batch worker died (`HEALTH_WORKER_DIED`,
 * with the task's hash), where the task writes it: its `resultsDir`, or the default folder when the
 * options are invalid (the task then failed before its analysis, so no worker held it).
 */
export function recordDeadHealthTask(death: WorkerDeath, task: Task, rawOptions: unknown, context: ExecutorContext): DeadTaskRecord {
  const project = deadTaskProject(task, context);
  const parsed = optionsSchema.safeParse(rawOptions ?? {});
  const resultsDir = parsed.success ? parsed.data.resultsDir : DEFAULT_RESULTS_DIR;
  const file = join(project.workspaceRoot, resolveResultsDir(resultsDir, project), RESULT_FILE_NAMES.health);
  const { taskHash: _ownHash, ...result } = errorHealthResult(project, new Date(), { name: 'nx-quality-health', version: 'unknown' }, workerDiedError('health', death, task));
  writeJsonAtomic(file, { ...result, ...(task.hash ? { taskHash: task.hash } : {}) });
  return { note: `Recorded the failure in ${toWorkspacePath(project.workspaceRoot, file)}.`, success: gatesJudgeThisRun() };
}
