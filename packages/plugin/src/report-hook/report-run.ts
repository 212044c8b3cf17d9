// Light on purpose: the plugin entry runs this after every Nx run, and only a run it selects loads the report code.
import {
  createProjectGraphAsync,
  readCachedProjectGraph,
  type PostTasksExecutionContext,
  type ProjectGraph,
  type TargetConfiguration,
  type TaskResult,
} from '@nx/devkit';
import { qualityTargetKind } from '../shared/quality-target-kind';

/** Executor of the root target that writes the workspace report itself. */
export const REPORT_EXECUTOR = '@nx-quality/plugin:quality-report';

/** A run the after-run report is written for: its graph and its nx-quality task results. */
export type ReportRun = { graph: ProjectGraph; ours: TaskResult[] } | { failure: Error };

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

/** The configuration of a project's target in the graph. */
export function targetOf(graph: ProjectGraph, project: string, target: string): TargetConfiguration | undefined {
  return graph.nodes[project]?.data.targets?.[target];
}

/**
 * Whether the after-run report is due: undefined when the plugin option `reportAfterRun: false` or
 * `NX_QUALITY_REPORT_AFTER_RUN=false` turns it off, when no nx-quality task ran, or when
 * `quality-report` itself ran; else the graph and our task results. A graph that cannot be loaded is
 * returned as `failure`, for the hook to report.
 */
export async function reportRunOf(options: unknown, context: PostTasksExecutionContext): Promise<ReportRun | undefined> {
  if ((options as { reportAfterRun?: unknown } | undefined)?.reportAfterRun === false) return undefined;
  if (process.env['NX_QUALITY_REPORT_AFTER_RUN'] === 'false') return undefined;
  const results = Object.values(context.taskResults ?? {});
  if (results.length === 0) return undefined;
  let graph: ProjectGraph;
  try {
    graph = await loadGraph();
  } catch (failure) {
    if (!(failure instanceof Error)) throw failure;
    return { failure };
  }
  const ours = results.filter((r) => qualityTargetKind(targetOf(graph, r.task.target.project, r.task.target.target)) !== undefined);
  if (ours.length === 0) return undefined;
  if (results.some((r) => targetOf(graph, r.task.target.project, r.task.target.target)?.executor === REPORT_EXECUTOR)) return undefined;
  return { graph, ours };
}
