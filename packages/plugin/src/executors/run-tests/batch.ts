import type { ExecutorContext, Task, TaskGraph } from '@nx/devkit';
import { resolve } from 'node:path';
import { captureProcessOutput } from '../shared/capture-process-output';
import { hintForCrashText } from '../shared/hint-for-tool-crash';
import { projectRefFromContext } from '../../shared/project-ref';
import { isBatchWorker, resolveBatchWorkers, runBatchInWorkers, type WorkerDeath } from '../shared/run-batch-in-workers';
import { runBatchTasks, type BatchTaskUpdate } from '../shared/run-batch-tasks';
import { locateToolResult, recordToolError, recordToolResult, TASK_PROCESS_EXITED, type ToolTaskOutcome } from '../shared/run-tool-executor';
import { readProjectResult, toWorkspacePath } from '@nx-quality/core';
import type { ProjectRef } from '../../shared/project-ref';
import { gatesJudgeThisRun } from '../../verdict/gates-judge';
import { isolateTaskProcessState } from '../shared/isolate-task-process-state';
import { nxTaskEnv } from '../shared/nx-task-env';
import type { TestExecutorOptions } from './options';
import { releaseJestTransformCaches, watchJestTransformCaches } from './release-jest-transform-caches';
import { testTool } from './test-tool';
import { taskOfContext } from '../shared/task-of-context';

/**
 * Nx `batchImplementation` of `@nx-quality/plugin:test`. The batch spreads its projects over
 * worker processes (`runBatchInWorkers`: one per CPU, Nx runs nothing beside a batch), grouped by
 * the NODE_OPTIONS each task's environment gives it, since Node reads NODE_OPTIONS only at start.
 * Inside a worker, projects run one after another through the single executor's code path with the
 * environment Nx would give the task (and the official target it stands beside), so Node, Jest, the
 * transformer and the coverage instrumentation load once per worker. What a project prints becomes
 * its task's terminal output, followed by the summary; its test.json and coverage-final.json are
 * what the single-task executor writes. Jest's transform caches are emptied after each project, so
 * memory does not grow with the batch. A worker that dies leaves an `error` result naming the cause
 * for the task it was running.
 */
export default function testBatch(
  taskGraph: TaskGraph,
  inputs: Record<string, TestExecutorOptions>,
  overrides: TestExecutorOptions,
  context: ExecutorContext,
): AsyncIterableIterator<BatchTaskUpdate> {
  if (!isBatchWorker()) {
    const workers = resolveBatchWorkers(Object.keys(taskGraph.tasks).length);
    return runBatchInWorkers(__filename, taskGraph, inputs, overrides, context, workers, {
      nodeOptionsOf: (taskId) => taskNodeOptions(taskGraph.tasks[taskId]!, inputs[taskId], context),
      onWorkerDied: (death) => recordDeadTask(death, taskGraph, inputs, context),
    });
  }
  const tool = testTool();
  return runBatchTasks('test', taskGraph, inputs, context, async (project, rawOptions, taskContext) => {
    await watchJestTransformCaches([resolve(project.workspaceRoot, project.root), project.workspaceRoot]);
    const task = taskOfContext(taskContext, taskGraph);
    const restore = isolateTaskProcessState(task ? nxTaskEnv(task, context, rawOptions) : undefined);
    const capture = captureProcessOutput();
    let outcome: ToolTaskOutcome | undefined;
    let output: string;
    try {
      outcome = await recordToolResult(tool, rawOptions, project);
    } finally {
      output = capture.stop();
      restore();
      releaseJestTransformCaches();
      // A throw fails the task with the error message alone (runBatchTasks); what the task printed
      // goes to the batch process's own output, which Nx shows live, rather than nowhere.
      if (!outcome) process.stdout.write(output);
    }
    return { success: outcome.success, summary: output + outcome.summary };
  });
}

/** The NODE_OPTIONS the task's environment (its .env files and the official target's) gives it. */
export function taskNodeOptions(task: Task, rawOptions: unknown, context: ExecutorContext): string | undefined {
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
