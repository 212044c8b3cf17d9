import { collectMetrics, type ProjectResults } from '../gates/collect-metrics';
import { evaluateGates } from '../gates/evaluate-gates';
import { resolveProjectConditions, type ResultKind } from '../config/resolve-project-conditions';
import type { QualityConfig } from '../config/quality-config-schema';
import type { EvaluatedCondition } from '../schemas/gates';
import { unusableResultConditions, type UnusableResult } from './unusable-result-conditions';

/** What a project's gates are judged on: its results, its config, and what is known about missing ones. */
export interface JudgeProjectInput {
  project: { name: string; tags?: string[] };
  /** The usable tool results (an `error` result counts: it contributes no metrics). */
  results: ProjectResults;
  config: QualityConfig;
  /** Kinds the project has no target for: their default conditions do not apply. */
  absent?: readonly ResultKind[];
  /** Why a metric family has no values (e.g. `tests`: "test result missing"). */
  unknownReasons?: Record<string, string>;
  /** Results that cannot back a passed gate (error, missing, invalid). */
  unusable?: Partial<Record<ResultKind, UnusableResult>>;
  /** Sentences of configuration errors, listed first (an invalid quality.config.json). */
  configViolations?: readonly string[];
}

/** A project's gate outcome: what quality.json records. */
export interface ProjectJudgement {
  status: 'passed' | 'failed';
  metrics: Record<string, number>;
  conditions: EvaluatedCondition[];
  violations: string[];
}

/**
 * The one evaluation of a project's gates (the quality target records it in quality.json, and the
 * workspace report reads it from there): the config's conditions over the results' metrics, a failing
 * condition for each result that cannot back a pass, and configuration errors first.
 */
export function judgeProject(input: JudgeProjectInput): ProjectJudgement {
  const metrics = collectMetrics(input.results);
  const evaluated = evaluateGates({
    project: input.project.name,
    metrics,
    conditions: resolveProjectConditions(input.config, input.project, input.absent),
    unknownReasons: input.unknownReasons,
  });
  const blocking = unusableResultConditions(input.project.name, input.unusable ?? {}, evaluated.conditions);
  const violations = [...(input.configViolations ?? []), ...evaluated.violations, ...blocking.map((c) => c.message as string)];
  return { status: violations.length === 0 ? 'passed' : 'failed', metrics, conditions: [...evaluated.conditions, ...blocking], violations };
}
