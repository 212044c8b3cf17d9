import { pluginOptionsOrUndefined } from '../inference/plugin-options';
import type { ReportWarmUp } from './warm-up-report';

/** The target names of this plugin that a command may name (configured, or `<quality>-<kind>` beside a same-named script). */
function ourTargetNames(options: unknown): Set<string> | undefined {
  const normalized = pluginOptionsOrUndefined(options);
  if (!normalized || normalized.reportAfterRun === false) return undefined;
  const quality = normalized.qualityTargetName;
  const kinds = ['test', 'lint', 'typecheck', 'health'] as const;
  return new Set([quality, normalized.testTargetName, normalized.lintTargetName, normalized.typecheckTargetName, normalized.healthTargetName, ...kinds.map((kind) => `${quality}-${kind}`)]);
}

/**
 * Whether the command line names one of the plugin's targets (`nx run-many -t quality`,
 * `nx run app:test`, `--targets=lint,quality`), so the report will most likely be written after it.
 */
export function commandNamesOurTargets(options: unknown, argv: readonly string[]): boolean {
  if (process.env['NX_QUALITY_REPORT_AFTER_RUN'] === 'false') return false;
  const names = ourTargetNames(options);
  if (!names) return false;
  return argv.some((arg) => arg.split(/[\s,:=]+/).some((token) => names.has(token)));
}

/** The report preparation of the current run, from `preTasksExecution` until the after-run hook takes it. */
let preparing: { workspaceRoot: string; warmUp?: ReportWarmUp } | undefined;

/**
 * Prepares the report while the tasks run (Nx awaits this hook before starting them, so the work is
 * deferred): loads the report code, then reads ahead the result and coverage files it will read
 * (`warmUpReport`), for the report after the tasks to start at once and to read again only what the
 * run rewrote. Without it, loading the code is the larger part of the report's time when every task
 * is a cache hit, and reading the results of the projects a small run does not touch when one is not.
 */
export function prepareReport(workspaceRoot: string): void {
  // One run at a time: what an earlier run prepared and never reported (a daemon's plugin process) goes.
  releaseWarmUp(preparing?.warmUp);
  const slot: { workspaceRoot: string; warmUp?: ReportWarmUp } = { workspaceRoot };
  preparing = slot;
  setImmediate(() => {
    try {
      require('./post-tasks-execution');
      const { warmUpReport } = require('./warm-up-report') as typeof import('./warm-up-report');
      // Taken already (a run without tasks): nothing would close what it started.
      if (preparing === slot) slot.warmUp = warmUpReport(workspaceRoot);
    } catch (error) {
      // The hook loads the same code again after the run and reports the failure there; without a
      // warm-up it reads every file itself.
      if (!(error instanceof Error)) throw error;
    }
  });
}

/** What was read ahead for a report of `workspaceRoot` in this run, once; a warm-up of another workspace is closed. */
export function takeReportWarmUp(workspaceRoot: string): ReportWarmUp | undefined {
  const slot = preparing;
  preparing = undefined;
  if (slot?.warmUp && slot.workspaceRoot === workspaceRoot) return slot.warmUp;
  releaseWarmUp(slot?.warmUp);
  return undefined;
}

/** Lets go of a warm-up the report did not use (its coverage collector may hold a thread). */
export function releaseWarmUp(warmUp: ReportWarmUp | undefined): void {
  warmUp?.coverage.close();
}
