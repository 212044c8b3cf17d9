// Entry point Nx loads for `"plugins": ["@nx-quality/plugin"]`: keep it light, the graph loads it
// often. Executors and generators are loaded by Nx through executors.json / generators.json.
import type { PostTasksExecutionContext, PreTasksExecutionContext } from '@nx/devkit';
import { commandNamesOurTargets, prepareReport, releaseWarmUp, takeReportWarmUp } from './report-hook/prepare-report';
import { reportRunOf, type ReportRun } from './report-hook/report-run';
import { GATES_JUDGE_ENV } from './verdict/gates-judge';
import { judgeByGates } from './verdict/judge-by-gates';

export { createNodes, createNodesV2 } from './inference/create-nodes';
export type { PluginOptions, NormalizedPluginOptions } from './inference/plugin-options';

/**
 * Nx `preTasksExecution` hook. Tells the tasks whether the quality gates judge this run (Nx applies
 * what the hook sets in process.env to the run, and the tool targets declare it as an input); set
 * on every run, since a daemon's plugin process keeps its environment from one run to the next.
 * When the command names an nx-quality target, the report is prepared while the tasks run (its code
 * loaded, the files it will read read ahead).
 */
export function preTasksExecution(options: unknown, context: PreTasksExecutionContext): void {
  process.env[GATES_JUDGE_ENV] = judgeByGates(options, context.argv) ? 'true' : 'false';
  if (commandNamesOurTargets(options, context.argv)) prepareReport(context.workspaceRoot);
}

/**
 * Nx `postTasksExecution` hook (Nx 22-24 read it from the plugin module): writes the workspace
 * report after a run with nx-quality tasks (the report code is loaded only for such a run), then,
 * in a run the gates judge, fails the command when a project's gates failed.
 */
export async function postTasksExecution(options: unknown, context: PostTasksExecutionContext): Promise<void> {
  const warmUp = takeReportWarmUp(context.workspaceRoot);
  let run: ReportRun | undefined;
  try {
    run = await reportRunOf(options, context);
    if (run) {
      const hook = require('./report-hook/post-tasks-execution') as typeof import('./report-hook/post-tasks-execution');
      await hook.postTasksExecution(options, context, run, warmUp);
    }
  } finally {
    releaseWarmUp(warmUp);
  }
  if (judgeByGates(options, context.argv)) {
    const verdict = require('./verdict/gate-verdict') as typeof import('./verdict/gate-verdict');
    verdict.assertGatesPassed(context, run && 'graph' in run ? run.graph : undefined);
  }
}
