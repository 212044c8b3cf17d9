import type { ExecutorContext, Task, TaskGraph } from '@nx/devkit';
import { readProjectResult, toWorkspacePath } from '@nx-quality/core';
import { projectRefFromContext, type ProjectRef } from '../../shared/project-ref';
import { gatesJudgeThisRun } from '../../verdict/gates-judge';
import { hintForCrashText } from '../shared/hint-for-tool-crash';
import { nxTaskEnv } from '../shared/nx-task-env';
import type { WorkerDeath, WorkerPoolHooks } from '../shared/run-batch-in-workers';
import { locateToolResult, recordToolError, TASK_PROCESS_EXITED } from '../shared/record-tool-result';
import type { TestExecutorOptions } from './options';
import { testTool } from './test-tool';

/**
 * How test tasks are placed in batch workers: each in a worker started under the NODE_OPTIONS its
 * environment gives it (its .env files and the official target's; Node reads NODE_OPTIONS only at
 * start), and a task whose worker died gets an `error` result naming the cause.
 */
export function testWorkerHooks(taskGraph: TaskGraph, inputs: Record<string, TestExecutorOptions>, context: ExecutorContext): Required<Pick<WorkerPoolHooks, 'nodeOptionsOf' | 'onWorkerDied'>> {
  return {
    nodeOptionsOf: (taskId) => taskNodeOptions(taskGraph.tasks[taskId]!, inputs[taskId], context),
    onWorkerDied: (death) => recordDeadTask(death, taskGraph, inputs, context),
  };
}

/** The NODE_OPTIONS the task's environment (its .env files and the official target's) gives it. */
function taskNodeOptions(task: Task, rawOptions: unknown, context: ExecutorContext): string | undefined {
  return nxTaskEnv(task, context, rawOptions)?.['NODE_OPTIONS'] ?? process.env['NODE_OPTIONS'];
}

/**
 * Records the `error` result of a task whose worker died, unless the worker recorded why itself (a
 * test that called process.exit), and says where. Inside a quality run the task counts as done: its
 * result is recorded and the gates fail on it.
 */
function recordDeadTask(death: WorkerDeath, taskGraph: TaskGraph, inputs: Record<string, TestExecutorOptions>, context: ExecutorContext): { note: string; success: boolean } {
  const task = taskGraph.tasks[death.task]!;
  const project = projectRefFromContext({ ...context, projectName: task.target.project, targetName: task.target.target, configurationName: task.target.configuration });
  const tool = testTool();
  const rawOptions = inputs[death.task] as TestExecutorOptions;
  const success = gatesJudgeThisRun();
  const own = readOwnExitResult(tool, rawOptions, project, task.hash);
  if (own) return { note: `Recorded in ${own}.`, success };
  const how = death.signal ? `was killed by ${death.signal}` : `exited with code ${death.code}`;
  const tail = death.stderrTail.slice(-5).join('\n');
  const file = recordToolError(
    tool,
    rawOptions,
    project,
    {
      code: 'TEST_WORKER_DIED',
      message: `The process running the tests of ${task.target.project} ${how} before they finished.${tail ? `\nLast lines of its stderr:\n${tail}` : ''}`,
      hint:
        hintForCrashText(death.stderrTail.join('\n')) ??
        (death.signal === 'SIGKILL'
          ? 'SIGKILL usually means the machine ran out of memory or something stopped the process: lower NX_QUALITY_BATCH_WORKERS, or run the task again (with --skip-nx-cache inside a quality run, whose error results are cached).'
          : `Run it alone with \`nx run ${death.task} --batch=false\` to see its output.`),
    },
    task.hash,
  );
  return { note: `Recorded the failure in ${file}.`, success };
}

/** The result file of the task when the dying worker wrote the reason itself (TASK_PROCESS_EXITED) for this task. */
function readOwnExitResult(tool: ReturnType<typeof testTool>, rawOptions: TestExecutorOptions, project: ProjectRef, taskHash: string | undefined): string | undefined {
  const file = locateToolResult(tool, rawOptions, project).resultFile;
  const read = readProjectResult(file, 'test', project.name);
  const ownExit = read.state === 'ok' && read.value.error?.code === TASK_PROCESS_EXITED && (taskHash === undefined || read.value.taskHash === taskHash);
  return ownExit ? toWorkspacePath(project.workspaceRoot, file) : undefined;
}
