import { readCachedProjectGraph, type PostTasksExecutionContext, type ProjectGraph } from '@nx/devkit';
import { DEFAULT_RESULTS_DIR, QualityError, readProjectResult, RESULT_FILE_NAMES, resolveResultsDir } from '@nx-quality/core';
import { join } from 'node:path';
import { qualityTargetKind } from '../shared/quality-target-kind';

/** Thrown after a quality run in which a project's gates failed: Nx prints it and exits with 1. */
export class QualityGatesFailedError extends QualityError {
  readonly violations: string[];

  constructor(failing: number, total: number, violations: string[]) {
    super(
      'QUALITY_GATES_FAILED',
      [
        `nx-quality: ${failing} of ${total} ${total === 1 ? 'project fails' : 'projects fail'} ${total === 1 ? 'its' : 'their'} quality gates in this run`,
        ...violations.map((line) => `  ${line}`),
      ].join('\n'),
      { hint: 'Fix what each line names, or change the gate in quality.config.json or the plugin options; the workspace report has the details.' },
    );
    this.violations = violations;
    // A verdict has no useful stack; without one Nx prints no "Pass --verbose to see the stacktrace" under it.
    this.stack = undefined;
  }
}

/** One project's verdict as read from its quality task's quality.json. */
interface ProjectVerdict {
  project: string;
  passed: boolean;
  violations: string[];
}

/**
 * The verdict of a run judged by the gates: reads the quality.json of every quality task the run
 * ran or restored and throws `QualityGatesFailedError` listing every violation, one sentence each,
 * when a gate failed (the run's tool and quality tasks succeeded so that each project's quality was
 * evaluated and cached). A quality.json that is missing, invalid or not written by this run's task
 * (another hash) fails too: its project's gates were not evaluated on this run's results.
 */
export function assertGatesPassed(context: PostTasksExecutionContext, graph: ProjectGraph = readCachedProjectGraph()): void {
  const verdicts: ProjectVerdict[] = [];
  for (const result of Object.values(context.taskResults ?? {})) {
    const { project, target } = result.task.target;
    const node = graph.nodes[project];
    const config = node?.data.targets?.[target];
    if (!node || !config || qualityTargetKind(config) !== 'quality') continue;
    // A quality task Nx itself failed or skipped already fails the run, with its own output.
    if (result.status !== 'success' && !result.status.includes('cache')) continue;
    const resultsDir = typeof config.options?.resultsDir === 'string' ? config.options.resultsDir : DEFAULT_RESULTS_DIR;
    const file = join(resolveResultsDir(resultsDir, { name: project, root: node.data.root }), RESULT_FILE_NAMES.quality);
    const read = readProjectResult(join(context.workspaceRoot, file), 'quality', project);
    if (read.state !== 'ok') {
      verdicts.push({ project, passed: false, violations: [`${file} ${read.state === 'missing' ? 'is missing' : read.reason} (project ${project})`] });
    } else if (read.value.taskHash !== undefined && result.task.hash !== undefined && read.value.taskHash !== result.task.hash) {
      verdicts.push({ project, passed: false, violations: [`${file} was not written by this run's quality task (project ${project})`] });
    } else {
      verdicts.push({ project, passed: read.value.status === 'passed', violations: read.value.violations.map((line) => (line.includes(`(project ${project}`) ? line : `${line} (project ${project})`)) });
    }
  }
  const failing = verdicts.filter((verdict) => !verdict.passed);
  if (failing.length === 0) return;
  const violations = failing.flatMap((verdict) => (verdict.violations.length > 0 ? verdict.violations : [`quality gates failed (project ${verdict.project})`]));
  throw new QualityGatesFailedError(failing.length, verdicts.length, violations);
}
