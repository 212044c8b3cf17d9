import { computeDeltas } from '../baseline/compute-deltas';
import { ratchetConditions } from '../baseline/ratchet-conditions';
import type { Baseline } from '../baseline/baseline-schema';
import { collectMetrics, type ProjectResults } from '../gates/collect-metrics';
import { evaluateGates } from '../gates/evaluate-gates';
import { unusableResultCondition, unusableResultConditions, type UnusableResult } from '../judge/unusable-result-conditions';
import type { HealthResult } from '../schemas/health-result';
import type { QualityResult } from '../schemas/quality-result';
import type { TestResult } from '../schemas/test-result';
import { collectFindings } from './collect-findings';
import { countTestsPerKind } from './count-tests-per-kind';
import { findTopGaps } from './find-top-gaps';
import { orderTestKinds } from './order-test-kinds';
import { DEFAULT_REPORT_LIMITS, type BuildReportInput, type ReportProjectInput, type ReportResultInput } from './report-inputs';
import type { Report } from './report-model';
import { REPORT_SCHEMA_VERSION, type ProjectReport, type ReportCondition, type ReportResultState } from './report-schema';
import { summarizeOrigin } from './summarize-origin';

/** Origins whose value is not this run's nor a labelled last known result: never counted. */
const UNUSABLE = new Set(['missing', 'invalid', 'stale']);

/** Whether a result's value may be used for metrics (valid, and either current or the labelled last known one). */
function usable<T>(input: ReportResultInput<T> | undefined): T | undefined {
  if (!input || UNUSABLE.has(input.origin)) return undefined;
  return input.value;
}

type StateSource = { startedAt?: string; evaluatedAt?: string; status?: string; error?: { code: string; message: string; hint?: string } };

function describeState(input: ReportResultInput<StateSource>): ReportResultState {
  const value = input.value;
  const state: ReportResultState = { origin: input.origin };
  if (input.file) state.file = input.file;
  if (input.reason) state.reason = input.reason;
  if (input.taskStatus) state.taskStatus = input.taskStatus;
  if (value && input.origin !== 'invalid' && input.origin !== 'missing') {
    if (input.origin === 'not-run') state.lastKnown = true;
    const at = value.startedAt ?? value.evaluatedAt;
    if (at) state.startedAt = at;
    if (value.status === 'passed' || value.status === 'failed' || value.status === 'error') state.status = value.status;
    if (value.status === 'error' && value.error) {
      state.error = { code: value.error.code, message: value.error.message, ...(value.error.hint ? { hint: value.error.hint } : {}) };
    }
  }
  return state;
}

const TOOL_KINDS = ['test', 'lint', 'typecheck', 'health'] as const;
type ToolKind = (typeof TOOL_KINDS)[number];

/** Origins of a quality.json its task wrote: in this run, restored by Nx, or found on disk by the executor. */
const WRITTEN = new Set(['fresh', 'cached', 'recorded']);

/**
 * Stale tool results cannot back a passed gate: the quality task that read them could not know that
 * this run's task did not write them; only the report, which knows the run, can.
 */
function staleResults(project: ReportProjectInput): Partial<Record<ToolKind, UnusableResult>> {
  const stale: Partial<Record<ToolKind, UnusableResult>> = {};
  for (const kind of TOOL_KINDS) {
    const input = project.results[kind];
    if (input?.origin === 'stale') stale[kind] = { because: `stale: ${input.reason ?? 'left by an earlier run'}`, ...(input.file ? { file: input.file } : {}) };
  }
  return stale;
}

/**
 * The tool results on disk that are not the ones quality.json judged (it records each one's
 * startedAt): a tool target ran again without the quality target, e.g. `nx run app:test` after a
 * quality run. A quality.json without those records (an older release) is taken as it is.
 */
function replacedSinceJudged(project: ReportProjectInput, recorded: QualityResult): ToolKind[] {
  return TOOL_KINDS.filter((kind) => {
    const judged = recorded.inputs[kind]?.startedAt;
    const current = project.results[kind]?.value?.startedAt;
    return judged !== undefined && current !== undefined && judged !== current;
  });
}

/** Why the gate outcome cannot be read from quality.json, as a failing condition. */
function unreadableQualityCondition(project: ReportProjectInput): ProjectReport['gate']['conditions'][number] {
  const quality = project.results.quality;
  const because =
    quality?.origin === 'not-run'
      ? `not written: this run's quality task was ${quality.taskStatus ?? 'not run'}`
      : `${quality?.origin ?? 'missing'}: ${quality?.reason ?? 'unreadable'}`;
  return unusableResultCondition('quality', { because, ...(quality?.file ? { file: quality.file } : {}) }, project.name);
}

/**
 * The project's gate as its quality target recorded it in quality.json (the one evaluation of its
 * conditions), with what only the report knows added: tool results this run did not write (stale),
 * and the baseline ratchet. Without a usable quality.json the gate fails and says why, unless the
 * project had nothing in this invocation to judge (affected mode): then it is not evaluated.
 */
function projectGate(project: ReportProjectInput, baseline: Baseline | undefined): { gate: ProjectReport['gate']; metrics?: Record<string, number> } {
  const quality = project.results.quality;
  // A quality task outside this invocation (affected mode) leaves its last known outcome, labelled as
  // such; one inside it that did not run (skipped after a failed dependency) leaves nothing to trust.
  const outsideInvocation = !quality || (quality.origin === 'not-run' && quality.taskStatus === undefined);
  const recorded = quality && (WRITTEN.has(quality.origin) || outsideInvocation) ? quality.value : undefined;
  if (!recorded) {
    if (outsideInvocation) return { gate: { status: 'not-evaluated', conditions: [], violations: [] } };
    const unreadable = unreadableQualityCondition(project);
    return { gate: { status: 'failed', conditions: [unreadable], violations: [unreadable.message as string] } };
  }
  const replaced = replacedSinceJudged(project, recorded);
  if (replaced.length > 0) {
    // Its conditions describe results no longer on disk: showing its outcome would show an earlier pass or failure as current.
    const files = replaced.map((kind) => `${kind}.json`).join(', ');
    const reason = `Gate not evaluated on the current results: ${files} of project ${project.name} ${replaced.length === 1 ? 'was' : 'were'} written after its quality.json judged the project; run its quality target.`;
    return { gate: { status: 'not-evaluated', conditions: [], violations: [], reason } };
  }
  const stale = unusableResultConditions(project.name, staleResults(project), recorded.conditions);
  const ratchet = evaluateGates({ project: project.name, metrics: recorded.metrics, conditions: ratchetConditions(baseline, project.name) });
  const conditions = [...recorded.conditions, ...stale, ...ratchet.conditions];
  const violations = [...recorded.violations];
  for (const message of [...stale.map((c) => c.message as string), ...ratchet.violations]) if (!violations.includes(message)) violations.push(message);
  return { gate: { status: violations.length === 0 ? 'passed' : 'failed', conditions, violations }, metrics: recorded.metrics };
}

/** Kinds the project's quality target does not evaluate (no target, `health: false`), as its quality.json records them. */
function absentKinds(project: ReportProjectInput): ToolKind[] {
  const inputs = project.results.quality?.value?.inputs;
  if (inputs) return TOOL_KINDS.filter((kind) => inputs[kind]?.state === 'disabled');
  return TOOL_KINDS.filter((kind) => project.results[kind] === undefined);
}

function buildProject(project: ReportProjectInput, input: BuildReportInput, limits: typeof DEFAULT_REPORT_LIMITS): ProjectReport {
  const results: ProjectResults = {
    test: usable(project.results.test),
    lint: usable(project.results.lint),
    typecheck: usable(project.results.typecheck),
    health: usable(project.results.health),
  };
  const states: Record<string, ReportResultState> = {};
  for (const [kind, result] of Object.entries(project.results)) {
    if (result) states[kind] = describeState(result as ReportResultInput<StateSource>);
  }
  const baseline = input.baseline?.state === 'ok' ? input.baseline.value : undefined;
  const judged = projectGate(project, baseline);
  // Shown and compared with the baseline: the metrics the gate was judged on, or (no usable quality.json) the results'.
  const metrics = judged.metrics ?? collectMetrics(results);
  const gate = judged.gate;
  const { test, lint, typecheck, health } = results;
  const toolErrors: ProjectReport['toolErrors'] = [];
  for (const [kind, value] of Object.entries(results)) {
    if (value?.status === 'error' && value.error) toolErrors.push({ kind, ...value.error });
  }
  const topRules = lint
    ? Object.entries(lint.rules)
        .map(([rule, count]) => ({ rule, errors: count.errors, warnings: count.warnings }))
        .sort((a, b) => b.errors - a.errors || b.warnings - a.warnings || a.rule.localeCompare(b.rule))
        .slice(0, limits.rulesPerProject)
    : [];
  const topCodes = typecheck
    ? Object.entries(typecheck.codes)
        .map(([code, count]) => ({ code, count }))
        .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code))
        .slice(0, limits.rulesPerProject)
    : [];
  const failures = test?.failures ?? [];
  const lintErrors =
    lint && lint.status !== 'error'
      ? lint.messages
          .filter((m) => m.severity === 'error')
          .slice(0, limits.locationsPerProject)
          .map((m) => ({ file: m.file, line: m.line, rule: m.ruleId, message: m.message }))
      : [];
  const typeErrors =
    typecheck && typecheck.status !== 'error'
      ? typecheck.diagnostics
          .filter((d) => d.category === 'error')
          .slice(0, limits.locationsPerProject)
          .map((d) => ({ ...(d.file ? { file: d.file } : {}), ...(d.line ? { line: d.line } : {}), code: d.code, message: d.message }))
      : [];
  return {
    name: project.name,
    root: project.root,
    tags: project.tags ?? [],
    origin: summarizeOrigin(states),
    results: states,
    metrics,
    tests:
      test && test.status !== 'error'
        ? {
            counts: test.counts,
            suitesErrored: test.suites.errored,
            status: test.status,
            ...(test.officialTargets ? { targets: test.officialTargets } : {}),
            ...(test.officialTargetsNotRun ? { notRun: test.officialTargetsNotRun } : {}),
          }
        : null,
    coverage: test && test.status !== 'error' && test.coverage ? test.coverage.totals : null,
    lint:
      lint && lint.status !== 'error'
        ? {
            errors: lint.counts.errors,
            warnings: lint.counts.warnings,
            fixable: lint.counts.fixableErrors + lint.counts.fixableWarnings,
            topRules,
            ...(lint.officialTargetNotCarried ? { notCarried: lint.officialTargetNotCarried } : {}),
          }
        : null,
    typecheck: typecheck && typecheck.status !== 'error' ? { errors: typecheck.counts.errors, topCodes } : null,
    health: health && health.status !== 'error' ? health.counts : null,
    testKinds: health && health.status !== 'error' ? countTestsPerKind(health, test && test.status !== 'error' ? test : undefined) : {},
    failures: failures.slice(0, limits.failuresPerProject),
    failuresOmitted: Math.max(0, failures.length - limits.failuresPerProject) + (test?.failuresOmitted ?? 0),
    // From the exact counts: the result files list only the first messages.
    lintErrors,
    lintErrorsOmitted: lintErrors.length ? Math.max(0, (lint?.counts.errors ?? 0) - lintErrors.length) : 0,
    typeErrors,
    typeErrorsOmitted: typeErrors.length ? Math.max(0, (typecheck?.counts.errors ?? 0) - typeErrors.length) : 0,
    toolErrors,
    gate,
    deltas: computeDeltas(baseline, project.name, metrics),
  };
}

/**
 * Whether a project has anything to show: a result read, one that could not be read, or a task of
 * this invocation. A project with none (the official plugins exclude it, or it was left out of this
 * run and never ran) gets no row, rather than a row of dashes that reads as a failure.
 */
function hasAnyResult(project: ReportProjectInput): boolean {
  return Object.values(project.results).some((r) => r && (r.value !== undefined || !r.nothingOnDisk || r.taskStatus !== undefined));
}

/**
 * The project without the results of kinds its quality target does not evaluate (`health: false`)
 * that nothing wrote: where such a result would be is located, but nothing is expected there.
 */
function withoutAbsentResults(project: ReportProjectInput): ReportProjectInput {
  const absent = absentKinds(project);
  const results = { ...project.results };
  for (const kind of absent) if (results[kind] && results[kind]?.value === undefined) delete results[kind];
  return { ...project, results };
}

/** Why a project's coverage is not in the merge: its test result is stale or records no run. */
function coverageLeftOutBecause(test: ReportResultInput<TestResult> | undefined): string | undefined {
  if (test?.origin === 'stale') return 'its test result is stale (left by an earlier run)';
  if (test && !UNUSABLE.has(test.origin) && test.value?.status === 'error') {
    return `its tests could not run${test.value.error ? ` (${test.value.error.code})` : ''}`;
  }
  return undefined;
}

/**
 * Builds the workspace report model from every project's results. Pure: reading the project graph,
 * result files and coverage is the caller's job, so the executor and the after-run hook share it.
 * Gates are evaluated from the tool results themselves, so a project whose `quality` task was skipped
 * (a dependency failed) still gets its conditions.
 */
export function buildReport(input: BuildReportInput): Report {
  const limits = { ...DEFAULT_REPORT_LIMITS, ...input.limits };
  const sorted = input.projects.map(withoutAbsentResults).filter(hasAnyResult).sort((a, b) => a.name.localeCompare(b.name));
  const projects = sorted.map((project) => buildProject(project, input, limits));
  const sources = new Map<string, { test?: TestResult; health?: HealthResult }>();
  for (const project of sorted) {
    sources.set(project.name, { test: usable(project.results.test), health: usable(project.results.health) });
  }
  const tests = { total: 0, passed: 0, failed: 0, skipped: 0, todo: 0 };
  let suitesErrored = 0;
  const lint = { errors: 0, warnings: 0 };
  const typecheck = { errors: 0 };
  const health: Record<string, number> = {};
  const resultOrigins: Record<string, number> = {};
  const failingConditions: ReportCondition[] = [];
  for (const project of projects) {
    if (project.tests) {
      for (const key of Object.keys(tests) as (keyof typeof tests)[]) tests[key] += project.tests.counts[key];
      suitesErrored += project.tests.suitesErrored;
    }
    if (project.lint) {
      lint.errors += project.lint.errors;
      lint.warnings += project.lint.warnings;
    }
    if (project.typecheck) typecheck.errors += project.typecheck.errors;
    for (const [name, value] of Object.entries(project.health ?? {})) health[name] = (health[name] ?? 0) + value;
    for (const state of Object.values(project.results)) resultOrigins[state.origin] = (resultOrigins[state.origin] ?? 0) + 1;
    for (const condition of project.gate.conditions) {
      if (!condition.passed) failingConditions.push({ ...condition, project: project.name });
    }
  }
  const kinds = orderTestKinds(projects.flatMap((p) => Object.keys(p.testKinds)));
  return {
    kind: 'workspace-report',
    schemaVersion: REPORT_SCHEMA_VERSION,
    generatedAt: input.generatedAt,
    producer: input.producer,
    ...(input.invocation ? { invocation: input.invocation } : {}),
    totals: {
      projects: projects.length,
      gatesPassed: projects.filter((p) => p.gate.status === 'passed').length,
      gatesFailed: projects.filter((p) => p.gate.status === 'failed').length,
      gatesNotEvaluated: projects.filter((p) => p.gate.status === 'not-evaluated').length,
      tests,
      suitesErrored,
      coverage: input.mergedCoverage ?? null,
      lint,
      typecheck,
      health,
      failingConditions: failingConditions.length,
      resultOrigins,
    },
    testKinds: kinds,
    projects,
    failingConditions,
    gaps: findTopGaps(projects, sources, limits.gaps),
    baseline: input.baseline
      ? { file: input.baseline.file, state: input.baseline.state, ...(input.baseline.reason ? { reason: input.baseline.reason } : {}) }
      : { file: '', state: 'disabled' },
    invalidOutputs: input.invalidOutputs ?? [],
    coverageLeftOut: sorted.flatMap((project) => {
      const reason = coverageLeftOutBecause(project.results.test);
      return reason ? [{ project: project.name, reason }] : [];
    }),
    problems: input.problems ?? [],
    findings: collectFindings(input.projects),
  };
}
