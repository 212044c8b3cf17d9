import {
  createProjectGraphAsync,
  readCachedProjectGraph,
  type PostTasksExecutionContext,
  type ProjectGraph,
  type TargetConfiguration,
} from '@nx/devkit';
import { QualityError } from '@nx-quality/core';
import { formatReportSummary } from '../executors/quality-report/format-report-summary';
import { generateWorkspaceReport } from '../executors/quality-report/generate-workspace-report';
import { qualityExecutorName } from '../executors/quality-report/locate-project-results';
import { resolveReportOptions } from '../executors/quality-report/resolve-report-options';
import { originFromTaskResults } from './origin-from-task-results';

const REPORT_EXECUTOR = '@nx-quality/plugin:quality-report';

async function loadGraph(): Promise<ProjectGraph> {
  try {
    // Nx has just computed and cached the graph for this run; reading it is much cheaper.
    return readCachedProjectGraph();
  } catch (error) {
    // No cached graph (e.g. the cache folder was deleted): compute it.
    if (!(error instanceof Error)) throw error;
    return createProjectGraphAsync({ exitOnError: false });
  }
}

function targetOf(graph: ProjectGraph, project: string, target: string): TargetConfiguration | undefined {
  return graph.nodes[project]?.data.targets?.[target];
}

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
 * Nx `postTasksExecution` hook: after a run that included nx-quality targets (`quality`, `test`,
 * `lint`, `typecheck`), writes the workspace report, even when tasks failed, and prints a short
 * summary. Results are labelled fresh, cached or not-run from the run's task results. Does nothing
 * when the run had no nx-quality task, when it ran `quality-report` itself, with the plugin option
 * `reportAfterRun: false`, or with `NX_QUALITY_REPORT_AFTER_RUN=false`. Never throws: a report that
 * cannot be written is a warning, not a failed run. (With the Nx daemon on, Nx runs this hook in the
 * daemon, so the summary goes to the daemon log; the report files are written all the same.)
 */
export async function postTasksExecution(options: unknown, context: PostTasksExecutionContext): Promise<void> {
  if ((options as { reportAfterRun?: unknown } | undefined)?.reportAfterRun === false) return;
  if (process.env['NX_QUALITY_REPORT_AFTER_RUN'] === 'false') return;
  try {
    const results = Object.values(context.taskResults ?? {});
    if (results.length === 0) return;
    const graph = await loadGraph();
    const ours = results.filter((r) => qualityExecutorName(targetOf(graph, r.task.target.project, r.task.target.target)) !== undefined);
    if (ours.length === 0) return;
    if (results.some((r) => targetOf(graph, r.task.target.project, r.task.target.target)?.executor === REPORT_EXECUTOR)) return;
    const reportOptions = resolveReportOptions(context.workspaceRoot, context.nxJsonConfiguration, reportTargetOptions(graph));
    const generated = generateWorkspaceReport({
      workspaceRoot: context.workspaceRoot,
      graph,
      nxJson: context.nxJsonConfiguration,
      // The hook only reports; tightening the baseline stays an explicit `quality-report --updateBaseline`.
      options: { ...reportOptions, updateBaseline: false },
      producer: 'hook',
      originOf: originFromTaskResults(context.taskResults, context.startTime),
      invocation: {
        projectsRun: [...new Set(ours.map((r) => r.task.target.project))].sort(),
        targets: [...new Set(ours.map((r) => r.task.target.target))].sort(),
      },
    });
    for (const line of generated.annotations) process.stdout.write(`${line}\n`);
    process.stdout.write(`\n${formatReportSummary(generated.report, generated.outputDir, generated.files)}\n`);
    // Hook boundary: a report problem must never fail or crash the user's Nx run.
  } catch (error) {
    const detail = error instanceof QualityError ? error.describe() : ((error as Error)?.message ?? String(error));
    process.stderr.write(`\nnx-quality: the workspace report could not be written after this run: ${detail}\n`);
  }
}
