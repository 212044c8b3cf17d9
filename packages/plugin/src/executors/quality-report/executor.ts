import { createProjectGraphAsync, logger, type ExecutorContext } from '@nx/devkit';
import { QualityError } from '@nx-quality/core';
import { formatReportSummary } from '../../report/format-report-summary';
import { generateWorkspaceReport } from '../../report/generate-workspace-report';
import type { QualityReportExecutorOptions } from './options';
import { resolveReportOptions } from '../../report/resolve-report-options';

/**
 * Nx executor `@nx-quality/plugin:quality-report` (on the root project): writes the workspace report
 * from every project's results on disk. Results are labelled `recorded`: this target cannot know
 * whether they were produced or restored from cache (the after-run hook can). Fails only with
 * `failOnViolations` and a failing gate, or when the options are invalid.
 */
export default async function qualityReportExecutor(
  rawOptions: QualityReportExecutorOptions,
  context: ExecutorContext,
): Promise<{ success: boolean }> {
  try {
    const options = resolveReportOptions(context.root, context.nxJsonConfiguration, rawOptions as Record<string, unknown>);
    const graph = context.projectGraph ?? (await createProjectGraphAsync({ exitOnError: false }));
    const generated = generateWorkspaceReport({
      workspaceRoot: context.root,
      graph,
      nxJson: context.nxJsonConfiguration,
      options,
      producer: 'executor',
      originOf: () => ({ origin: 'recorded' }),
    });
    for (const line of generated.annotations) process.stdout.write(`${line}\n`);
    const summary = formatReportSummary(generated.report, generated.outputDir, generated.files);
    if (generated.report.totals.gatesFailed > 0) logger.warn(summary);
    else logger.info(summary);
    if (generated.baselineWritten) logger.info(`  baseline tightened: ${generated.baselineWritten}`);
    else if (options.updateBaseline) {
      logger.error(`  baseline not updated: ${generated.report.baseline.file} is invalid (${generated.report.baseline.reason ?? ''}); fix or delete it, then re-run with --updateBaseline.`);
      return { success: false };
    }
    return { success: !options.failOnViolations || generated.report.totals.gatesFailed === 0 };
  } catch (error) {
    logger.error(error instanceof QualityError ? `quality-report: ${error.describe()}` : `quality-report failed: ${(error as Error).stack ?? String(error)}`);
    return { success: false };
  }
}
