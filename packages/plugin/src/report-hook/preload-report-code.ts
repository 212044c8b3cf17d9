import { pluginOptionsOrUndefined } from '../inference/plugin-options';

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

/**
 * Loads the report code while the tasks run (Nx awaits this hook before starting them, so the work
 * is deferred), for the report after them to start at once. Without it, loading the code is the
 * larger part of the report's time when every task is a cache hit.
 */
export function preloadReportCode(): void {
  setImmediate(() => {
    try {
      require('./post-tasks-execution');
    } catch (error) {
      // The hook loads the same code again after the run and reports the failure there.
      if (!(error instanceof Error)) throw error;
    }
  });
}
