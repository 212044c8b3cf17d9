import type { PostTasksExecutionContext, ProjectGraph } from '@nx/devkit';
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { QualityError } from '@nx-quality/core';
import { formatReportSummary } from '../report/format-report-summary';
import { generateWorkspaceReport } from '../report/generate-workspace-report';
import { baselineFile, loadReportSettings } from '../report/load-report-settings';
import { locateProjectResults } from '../report/locate-project-results';
import type { NormalizedQualityReportOptions } from '../executors/quality-report/options';
import { resolveReportOptions } from '../report/resolve-report-options';
import { cachedTaskHashes, originFromTaskResults } from './origin-from-task-results';
import { reportInputsKey } from './report-inputs-key';
import { sameProjectDependencies } from './same-project-dependencies';
import { REPORT_EXECUTOR, reportRunOf, type ReportRun } from './report-run';
import { readReportStamp, reportIsCurrent, versionsOf, writeReportStamp, type ReportStamp } from './report-stamp';
import type { ReportWarmUp } from './warm-up-report';
import { printFromHook } from './print-from-hook';

function reportTargetOptions(graph: ProjectGraph): Record<string, unknown> | undefined {
  const nodes = Object.values(graph.nodes).sort((a, b) => Number(b.data.root === '.' || b.data.root === '') - Number(a.data.root === '.' || a.data.root === ''));
  for (const node of nodes) {
    for (const target of Object.values(node.data.targets ?? {})) {
      if (target.executor === REPORT_EXECUTOR) return (target.options as Record<string, unknown> | undefined) ?? {};
    }
  }
  return undefined;
}

/**
 * The report in place is the one this run would write: prints what writing it printed and appends
 * its report.md to the GitHub step summary, as writing it would have, without rewriting any file.
 */
function replayReport(stamp: ReportStamp, workspaceRoot: string, options: NormalizedQualityReportOptions): void {
  const stepSummary = process.env['GITHUB_STEP_SUMMARY'];
  if (options.githubSummary && stepSummary && stamp.markdown) appendFileSync(stepSummary, readFileSync(join(workspaceRoot, stamp.markdown)));
  printFromHook('log', [...stamp.annotations, '', stamp.summary, `  (inputs unchanged since the report of ${stamp.generatedAt}: its files were left as they are)`, ''].join('\n'));
}

/**
 * Nx `postTasksExecution` hook: after a run that included nx-quality targets (`quality`, `test`,
 * `lint`, `typecheck`), writes the workspace report, even when tasks failed, and prints a short
 * summary. Results are labelled fresh, cached or not-run from the run's task results. When none of
 * the report's inputs changed since the hook last wrote it (`reportInputsKey`), its files are left in
 * place and the summary is printed again. Does nothing when the run had no nx-quality task, when it
 * ran `quality-report` itself, with the plugin option `reportAfterRun: false`, or with
 * `NX_QUALITY_REPORT_AFTER_RUN=false`. Never throws: a report that
 * cannot be written is a warning, not a failed run. (With the Nx daemon on, Nx runs this hook in the
 * daemon, so the summary goes to the daemon log; the report files are written all the same.)
 * `selected` is the run `reportRunOf` already selected (the plugin entry selects before loading this);
 * `warmUp` what was read ahead while the tasks ran (`warmUpReport`), which the caller closes.
 */
export async function postTasksExecution(options: unknown, context: PostTasksExecutionContext, selected?: ReportRun, warmUp?: ReportWarmUp): Promise<void> {
  try {
    const run = selected ?? (await reportRunOf(options, context));
    if (!run) return;
    if ('failure' in run) throw run.failure;
    const { graph, ours } = run;
    const reportOptions = resolveReportOptions(context.workspaceRoot, context.nxJsonConfiguration, reportTargetOptions(graph));
    const originOf = originFromTaskResults(context.taskResults, context.startTime, context.argv, sameProjectDependencies(graph));
    const invocation = {
      projectsRun: [...new Set(ours.map((r) => r.task.target.project))].sort(),
      targets: [...new Set(ours.map((r) => r.task.target.target))].sort(),
    };
    const settings = loadReportSettings(context.workspaceRoot, context.nxJsonConfiguration);
    const located = locateProjectResults(graph, context.workspaceRoot);
    const key = reportInputsKey({
      workspaceRoot: context.workspaceRoot,
      options: reportOptions,
      settings,
      located,
      originOf,
      cachedHashOf: cachedTaskHashes(context.taskResults),
      invocation,
      annotate: reportOptions.annotations && process.env['GITHUB_ACTIONS'] === 'true',
      ...(reportOptions.useBaseline ? { baselineFile: baselineFile(reportOptions.baseline, settings.config) } : {}),
    });
    const outputDir = join(context.workspaceRoot, reportOptions.outputDir);
    const stamp = readReportStamp(outputDir);
    if (reportIsCurrent(stamp, key, context.workspaceRoot)) {
      replayReport(stamp, context.workspaceRoot, reportOptions);
      return;
    }
    const generated = generateWorkspaceReport({
      workspaceRoot: context.workspaceRoot,
      graph,
      nxJson: context.nxJsonConfiguration,
      // The hook only reports; tightening the baseline stays an explicit `quality-report --updateBaseline`.
      options: { ...reportOptions, updateBaseline: false },
      producer: 'hook',
      originOf,
      invocation,
      located,
      settings,
      ...(warmUp ? { warmUp } : {}),
    });
    const summary = formatReportSummary(generated.report, generated.outputDir, generated.files);
    printFromHook('log', [...generated.annotations, '', summary, ''].join('\n'));
    const markdown = generated.files.find((file) => file.endsWith('/report.md') || file === 'report.md');
    writeReportStamp(outputDir, {
      key,
      generatedAt: generated.report.generatedAt,
      sourceFiles: generated.sourceFiles,
      outputs: versionsOf(context.workspaceRoot, generated.files),
      summary,
      annotations: generated.annotations,
      ...(markdown ? { markdown } : {}),
    });
    // Hook boundary: a report problem must never fail or crash the user's Nx run.
  } catch (error) {
    const detail = error instanceof QualityError ? error.describe() : ((error as Error)?.message ?? String(error));
    printFromHook('error', `\nnx-quality: the workspace report could not be written after this run: ${detail}\n`);
  }
}
