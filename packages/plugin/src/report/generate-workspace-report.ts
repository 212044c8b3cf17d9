import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NxJsonConfiguration, ProjectGraph } from '@nx/devkit';
import {
  BaselineSchema,
  buildReport,
  createCoverageCollector,
  readResultFile,
  renderGithubAnnotations,
  renderReportFiles,
  toWorkspacePath,
  updateBaseline,
  writeJsonAtomic,
  writeReportFiles,
  type BuildReportInput,
  type CoverageCollector,
  type InvalidOutput,
  type Report,
  type ReportProjectInput,
} from '@nx-quality/core';
import { baselineFile, loadReportSettings, type ReportSettings } from './load-report-settings';
import { locateProjectResults, type LocatedResults } from './locate-project-results';
import type { NormalizedQualityReportOptions } from '../executors/quality-report/options';
import { createSourceLineReader } from './read-source-line';
import { readProjectResults, type OriginOf, type ReadResultFile } from './read-project-results';

/** What the executor and the after-run hook pass to produce the report. */
export interface GenerateReportInput {
  workspaceRoot: string;
  graph: ProjectGraph;
  nxJson?: NxJsonConfiguration;
  options: NormalizedQualityReportOptions;
  producer: 'executor' | 'hook';
  originOf: OriginOf;
  invocation?: { projectsRun: string[]; targets: string[] };
  env?: NodeJS.ProcessEnv;
  now?: Date;
  /** The results and settings when the caller already has them (the hook, for its inputs key): located and loaded once per run. */
  located?: LocatedResults;
  settings?: ReportSettings;
  /** What the after-run hook read ahead while the tasks ran (`warmUpReport`); its coverage collector is used and closed here. */
  warmUp?: { readResult: ReadResultFile; coverage: CoverageCollector };
}

/** The report written, where, and the GitHub annotations to print. */
export interface GeneratedReport {
  report: Report;
  outputDir: string;
  files: string[];
  annotations: string[];
  baselineWritten?: string;
  /** Workspace-relative source files read for the lines SARIF quotes, with the version read (`fileVersion`). */
  sourceFiles: Record<string, string>;
}

/**
 * The whole report pipeline shared by the `quality-report` executor and the after-run hook: locate
 * results through the project graph, read them (never aborting on a bad one), merge coverage,
 * read each gate outcome from quality.json and apply the baseline ratchet, render every requested format and write them atomically,
 * append report.md to `$GITHUB_STEP_SUMMARY` and, when asked, tighten the baseline.
 */
export function generateWorkspaceReport(input: GenerateReportInput): GeneratedReport {
  // Coverage is read and merged beside the results (in a worker thread for larger workspaces). Made
  // first: a thread takes a while to start, and it starts while this one locates the results.
  const coverage = input.warmUp?.coverage ?? createCoverageCollector(input.workspaceRoot, Object.keys(input.graph.nodes).length);
  try {
    const settings = input.settings ?? loadReportSettings(input.workspaceRoot, input.nxJson);
    const located = input.located ?? locateProjectResults(input.graph, input.workspaceRoot);
    return writeReport(input, settings, located, coverage);
  } finally {
    coverage.close();
  }
}

function writeReport(
  input: GenerateReportInput,
  settings: ReportSettings,
  located: LocatedResults,
  coverage: CoverageCollector,
): GeneratedReport {
  const { workspaceRoot, options } = input;
  const env = input.env ?? process.env;
  const projects: ReportProjectInput[] = [];
  let coverageFiles = 0;
  for (const project of located.projects) {
    const read = readProjectResults(workspaceRoot, project, input.originOf, input.warmUp?.readResult);
    projects.push(read.input);
    if (read.coverageFile) {
      coverage.add(read.coverageFile);
      coverageFiles++;
    }
  }
  // The coverage files depend only on their inputs, so two clones of a workspace give identical bytes.
  const testTimes = projects.map((p) => Date.parse(p.results.test?.value?.startedAt ?? '')).filter((t) => !Number.isNaN(t));
  const outputDir = join(workspaceRoot, options.outputDir);
  // Asked first, so a worker thread writes them while this thread renders the rest (unused if no file could be read).
  const mergedCoverageFiles =
    coverageFiles && options.formats.includes('coverage') ? coverage.files(outputDir, { timestamp: testTimes.length ? Math.max(...testTimes) : 0 }) : undefined;

  const merged = coverage.result();
  const coverageSources = merged.sources;
  const invalidOutputs: InvalidOutput[] = [...located.invalidOutputs, ...merged.problems];
  for (const rejected of merged.rejected) {
    invalidOutputs.push({ project: rejected.project, target: 'test', output: rejected.file, reason: `coverage entry ${rejected.key} ignored: ${rejected.reason}` });
  }

  const baselinePath = baselineFile(options.baseline, settings.config);
  let baseline: BuildReportInput['baseline'] = { file: baselinePath, state: 'disabled' };
  if (options.useBaseline || options.updateBaseline) {
    const read = readResultFile(join(workspaceRoot, baselinePath), BaselineSchema);
    baseline =
      read.state === 'ok'
        ? { file: baselinePath, state: 'ok', value: read.value }
        : read.state === 'missing'
          ? { file: baselinePath, state: 'missing' }
          : { file: baselinePath, state: 'invalid', reason: read.reason };
    if (!options.useBaseline && baseline.state === 'ok') baseline = { file: baselinePath, state: 'disabled', value: baseline.value };
  }

  const report = buildReport({
    generatedAt: (input.now ?? new Date()).toISOString(),
    producer: input.producer,
    projects,
    baseline: baseline.state === 'disabled' ? { file: baselinePath, state: 'disabled' } : baseline,
    mergedCoverage: coverageSources ? merged.summary : null,
    invalidOutputs,
    problems: settings.problems,
    invocation: input.invocation,
    limits: { gaps: options.topGaps },
  });

  const sourceFiles = new Map<string, string>();
  const files = renderReportFiles({
    report,
    formats: options.formats,
    coverage: coverageSources && mergedCoverageFiles ? { files: mergedCoverageFiles } : undefined,
    markdownMaxBytes: options.markdownMaxBytes,
    sarif: { readSourceLine: createSourceLineReader(workspaceRoot, sourceFiles), maxResultsPerRun: options.sarifMaxResultsPerRun },
  });
  const written = writeReportFiles(outputDir, files).map((file) => toWorkspacePath(workspaceRoot, file));

  const markdown = files['report.md'];
  if (options.githubSummary && env['GITHUB_STEP_SUMMARY'] && typeof markdown === 'string' && markdown) {
    appendFileSync(env['GITHUB_STEP_SUMMARY'], markdown);
  }
  let baselineWritten: string | undefined;
  if (options.updateBaseline && baseline.state !== 'invalid') {
    const current: Record<string, Record<string, number>> = {};
    // Only results of this run tighten the baseline; a stale last-known result must not.
    for (const project of report.projects) {
      if (project.origin !== 'not-run' && project.gate.status !== 'not-evaluated') current[project.name] = project.metrics;
    }
    writeJsonAtomic(join(workspaceRoot, baselinePath), updateBaseline(baseline.value, current));
    baselineWritten = baselinePath;
  }
  const annotations = options.annotations && env['GITHUB_ACTIONS'] === 'true' ? renderGithubAnnotations(report) : [];
  return {
    report,
    outputDir: options.outputDir,
    files: written,
    annotations,
    ...(baselineWritten ? { baselineWritten } : {}),
    sourceFiles: Object.fromEntries([...sourceFiles].sort(([a], [b]) => a.localeCompare(b))),
  };
}
