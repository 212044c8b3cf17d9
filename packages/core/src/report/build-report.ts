import { computeDeltas } from '../baseline/compute-deltas';
import { ratchetConditions } from '../baseline/ratchet-conditions';
import { collectMetrics, type ProjectResults } from '../gates/collect-metrics';
import { evaluateGates } from '../gates/evaluate-gates';
import { resolveProjectConditions } from '../config/resolve-project-conditions';
import type { HealthResult } from '../schemas/health-result';
import type { QualityResult } from '../schemas/quality-result';
import type { TestResult } from '../schemas/test-result';
import { countTestsPerKind } from './count-tests-per-kind';
import { findTopGaps } from './find-top-gaps';
import { orderTestKinds } from './order-test-kinds';
import { DEFAULT_REPORT_LIMITS, type BuildReportInput, type ReportProjectInput, type ReportResultInput } from './report-inputs';
import { REPORT_SCHEMA_VERSION, type ProjectReport, type Report, type ReportCondition, type ReportResultState } from './report-schema';
import { summarizeOrigin } from './summarize-origin';

/** Metric families (first segment of a metric name) and the result kind that records them. */
const FAMILY_KIND: Record<string, keyof ReportProjectInput['results']> = {
  tests: 'test',
  coverage: 'test',
  lint: 'lint',
  typecheck: 'typecheck',
  health: 'health',
};

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

/** Why the metrics of each family are unknown, for the sentences of failing conditions. */
function unknownReasons(project: ReportProjectInput, results: ProjectResults): Record<string, string> {
  const reasons: Record<string, string> = {};
  for (const [family, kind] of Object.entries(FAMILY_KIND)) {
    const input = project.results[kind];
    if (!input) continue;
    const value = results[kind as keyof ProjectResults];
    if (value?.status === 'error') reasons[family] = `${kind} could not run: ${value.error?.message ?? 'tool error'}`;
    else if (input.origin === 'stale') reasons[family] = `${kind} result stale${input.file ? ` at ${input.file}` : ''}: ${input.reason ?? 'left by an earlier run'}`;
    else if (!value) {
      const where = input.file ? ` at ${input.file}` : '';
      reasons[family] =
        input.origin === 'invalid'
          ? `${kind} result invalid${where}: ${input.reason ?? 'unreadable'}`
          : input.origin === 'not-run'
            ? `${kind} not run in this invocation and no earlier result${where}`
            : `${kind} result missing${where}`;
    } else if (family === 'coverage' && !(value as TestResult).coverage) reasons[family] = 'the test result has no coverage';
  }
  return reasons;
}

const TOOL_KINDS = ['test', 'lint', 'typecheck', 'health'] as const;
const FAMILIES_OF_KIND: Record<(typeof TOOL_KINDS)[number], string[]> = {
  test: ['tests', 'coverage'],
  lint: ['lint'],
  typecheck: ['typecheck'],
  health: ['health'],
};

/** Why a tool result of this run cannot back a passed gate (stale, missing, invalid, or the tool could not run). */
function unusableBecause(input: ReportResultInput<StateSource> | undefined): string | undefined {
  if (!input) return undefined;
  if (input.origin === 'stale') return `stale: ${input.reason ?? 'left by an earlier run'}`;
  if (input.origin === 'missing' || input.origin === 'invalid') return `${input.origin}${input.reason ? `: ${input.reason}` : ''}`;
  // A last known result that is an error fails too: nothing since has shown the tool running.
  if (input.value?.status !== 'error') return undefined;
  const error = input.value.error;
  return `error: ${error ? `${error.code} ${error.message}` : 'the tool could not run'}`;
}

/**
 * A failing condition for each expected tool result that is stale, missing, invalid or an error,
 * unless a condition on its metrics already fails for that reason: a gate is never passed by a
 * result this run did not produce, even when no condition reads that tool's metrics (health).
 */
function unusableResultConditions(
  project: ReportProjectInput,
  absent: readonly string[],
  evaluated: ProjectReport['gate']['conditions'],
): ProjectReport['gate']['conditions'] {
  const conditions: ProjectReport['gate']['conditions'] = [];
  for (const kind of TOOL_KINDS) {
    if (absent.includes(kind)) continue;
    const because = unusableBecause(project.results[kind] as ReportResultInput<StateSource> | undefined);
    if (!because) continue;
    const explained = evaluated.some((c) => !c.passed && c.actual === null && FAMILIES_OF_KIND[kind].includes(c.metric.split('.')[0] ?? ''));
    if (explained) continue;
    const file = project.results[kind]?.file;
    conditions.push({
      metric: `${kind}.result`,
      op: '=',
      threshold: 1,
      source: 'result',
      actual: null,
      passed: false,
      message: `${kind} result ${because}${file ? ` (${file})` : ''} (project ${project.name})`,
    });
  }
  return conditions;
}

/**
 * The project's gate, never more lenient than the quality.json this invocation produced or restored:
 * when that file failed (e.g. on an invalid quality.config.json, which the report cannot re-evaluate)
 * and the report's own evaluation passed, its violations are carried over so both say failed.
 */
function reconcileWithQualityResult(
  quality: ReportResultInput<QualityResult> | undefined,
  evaluation: { passed: boolean; conditions: ProjectReport['gate']['conditions']; violations: string[] } | undefined,
): ProjectReport['gate'] {
  const recorded = quality && (quality.origin === 'fresh' || quality.origin === 'cached') ? quality.value : undefined;
  if (!evaluation) {
    if (recorded?.status !== 'failed') return { status: 'not-evaluated', conditions: [], violations: [] };
    return { status: 'failed', conditions: [], violations: [...recorded.violations] };
  }
  const violations = [...evaluation.violations];
  if (recorded?.status === 'failed') {
    for (const violation of recorded.violations) if (!violations.includes(violation)) violations.push(violation);
  }
  return { status: evaluation.passed && violations.length === 0 ? 'passed' : 'failed', conditions: evaluation.conditions, violations };
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
  const metrics = collectMetrics(results);
  const baseline = input.baseline?.state === 'ok' ? input.baseline.value : undefined;
  const kindOf = (metric: string) => project.results[FAMILY_KIND[metric.split('.')[0] ?? ''] ?? 'quality'];
  // The same conditions the quality target applies (defaults on a tool the project lacks are dropped).
  // A result not run in this invocation and with nothing on disk is not judged (affected mode), not failed.
  const absent = project.absent ?? (['test', 'lint', 'typecheck', 'health'] as const).filter((kind) => project.results[kind] === undefined);
  const config = { gates: project.gates ?? input.gates, coverage: { lines: project.coverageLines ?? input.coverageLines } };
  const conditions = [
    ...resolveProjectConditions(config, { name: project.name, tags: project.tags }, absent),
    ...ratchetConditions(baseline, project.name),
  ].filter((c) => {
    const result = kindOf(c.metric);
    return !(result?.origin === 'not-run' && result.value === undefined);
  });
  const toolResults = Object.entries(project.results).filter(([kind]) => kind !== 'quality');
  const nothingToEvaluate =
    toolResults.length === 0 || toolResults.every(([, r]) => r?.origin === 'not-run' && r.value === undefined);
  const evaluated = evaluateGates({
    project: project.name,
    metrics,
    conditions,
    unknownReasons: unknownReasons(project, results),
  });
  const blocking = unusableResultConditions(project, absent, evaluated.conditions);
  const evaluation = {
    passed: evaluated.passed && blocking.length === 0,
    conditions: [...evaluated.conditions, ...blocking],
    violations: [...evaluated.violations, ...blocking.map((c) => c.message as string)],
  };
  const gate = reconcileWithQualityResult(project.results.quality, nothingToEvaluate ? undefined : evaluation);
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
    tests: test && test.status !== 'error' ? { counts: test.counts, suitesErrored: test.suites.errored, status: test.status } : null,
    coverage: test && test.status !== 'error' && test.coverage ? test.coverage.totals : null,
    lint:
      lint && lint.status !== 'error'
        ? { errors: lint.counts.errors, warnings: lint.counts.warnings, fixable: lint.counts.fixableErrors + lint.counts.fixableWarnings, topRules }
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
  const sorted = input.projects.filter(hasAnyResult).sort((a, b) => a.name.localeCompare(b.name));
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
  };
}
