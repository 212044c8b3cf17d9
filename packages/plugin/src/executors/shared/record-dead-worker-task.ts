import type { ExecutorContext, Task } from '@nx/devkit';
import { readProjectResult, toWorkspacePath, type ResultError, type ResultStatus } from '@nx-quality/core';
import { projectRefFromContext, type ProjectRef } from '../../shared/project-ref';
import { gatesJudgeThisRun } from '../../verdict/gates-judge';
import { hintForCrashText } from './hint-for-tool-crash';
import { locateToolResult, recordToolError, TASK_PROCESS_EXITED, type ToolDefinition } from './record-tool-result';
import type { WorkerDeath } from './run-batch-in-workers';

/** What a tool's task is called in the message of a dead worker. */
const WORK_OF: Record<'test' | 'lint' | 'typecheck' | 'health', string> = { test: 'the tests', lint: 'the lint', typecheck: 'the type check', health: 'the health analysis' };

/** What a task whose worker died records and prints: the note for its output, and whether it counts as done. */
export interface DeadTaskRecord {
  note: string;
  success: boolean;
}

/**
 * Records the `error` result of a task whose batch worker died before the task finished (killed,
 * out of memory, a crash of the tool), unless the worker recorded why itself (process.exit called
 * by a test, a lint plugin or the tool), and says where. The result carries the task's hash, the
 * signal or exit code and the last lines of the worker's stderr, under `<TOOL>_WORKER_DIED`. Inside
 * a quality run the task counts as done: its result is recorded and the gates fail on it, so the
 * project's quality still runs, as for any other error result.
 */
export function recordDeadWorkerTask<Options, Normalized, Result extends { status: ResultStatus }>(
  tool: ToolDefinition<Options, Normalized, Result>,
  death: WorkerDeath,
  task: Task,
  rawOptions: Options,
  context: ExecutorContext,
): DeadTaskRecord {
  const project = deadTaskProject(task, context);
  const success = gatesJudgeThisRun();
  const own = ownExitResult(tool, rawOptions, project, task.hash);
  if (own) return { note: `Recorded in ${own}.`, success };
  const file = recordToolError(tool, rawOptions, project, workerDiedError(tool.kind, death, task), task.hash);
  return { note: `Recorded the failure in ${file}.`, success };
}

/** The project of a batch task, from the batch's context. */
export function deadTaskProject(task: Task, context: ExecutorContext): ProjectRef {
  return projectRefFromContext({ ...context, projectName: task.target.project, targetName: task.target.target, configurationName: task.target.configuration });
}

/** The error a task whose worker died records: how it died, the worker's last stderr lines, and a likely fix. */
export function workerDiedError(kind: keyof typeof WORK_OF, death: WorkerDeath, task: Task): ResultError {
  const how = death.signal ? `was killed by ${death.signal}` : `exited with code ${death.code}`;
  const tail = death.stderrTail.slice(-5).join('\n');
  return {
    code: `${kind.toUpperCase()}_WORKER_DIED`,
    message: `The process running ${WORK_OF[kind]} of ${task.target.project} ${how} before it finished.${tail ? `\nLast lines of its stderr:\n${tail}` : ''}`,
    hint:
      hintForCrashText(death.stderrTail.join('\n')) ??
      (death.signal === 'SIGKILL'
        ? 'SIGKILL usually means the machine ran out of memory or something stopped the process: lower NX_QUALITY_BATCH_WORKERS, or run the task again (with --skip-nx-cache inside a quality run, whose error results are cached).'
        : `Run it alone with \`nx run ${task.id} --batch=false\` to see its output.`),
  };
}

/** The result file of the task when the dying worker wrote the reason itself (TASK_PROCESS_EXITED) for this task. */
function ownExitResult<Options, Normalized, Result extends { status: ResultStatus }>(
  tool: ToolDefinition<Options, Normalized, Result>,
  rawOptions: Options,
  project: ProjectRef,
  taskHash: string | undefined,
): string | undefined {
  const file = locateToolResult(tool, rawOptions, project).resultFile;
  const read = readProjectResult(file, tool.kind, project.name);
  const ownExit = read.state === 'ok' && read.value.error?.code === TASK_PROCESS_EXITED && (taskHash === undefined || read.value.taskHash === taskHash);
  return ownExit ? toWorkspacePath(project.workspaceRoot, file) : undefined;
}
