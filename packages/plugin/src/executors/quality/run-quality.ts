import { join, posix } from 'node:path';
import {
  collectMetrics,
  evaluateGates,
  QualityResultSchema,
  RESULT_FILE_NAMES,
  RESULT_SCHEMA_VERSION,
  resolveProjectConditions,
  resolveResultsDir,
  writeJsonAtomic,
  type HealthResult,
  type QualityResult,
  type ResultKind,
  type TestResult,
  type LintResult,
  type TypecheckResult,
} from '@nx-quality/core';
import type { QualityConfigCache } from '../shared/load-quality-config-once';
import type { ProjectRef } from '../../shared/project-ref';
import { taskHashField } from '../../shared/result-header';
import { QUALITY_TOOLS, type NormalizedQualityOptions, type QualityTool } from './options';
import { readToolResults } from './read-tool-results';
import { resolveProjectConfig } from './resolve-project-config';
import { readHealthResult } from './read-health-result';

/** Everything a quality run produced; `result` is what quality.json holds. */
export interface QualityOutcome {
  result: QualityResult;
  /** Workspace-relative quality.json. */
  file: string;
  tools: { test?: TestResult; lint?: LintResult; typecheck?: TypecheckResult; health?: HealthResult };
}

/**
 * The quality target's work for one project: read the tool results and health.json (written by the
 * health target), evaluate the gates (quality.config.json under the target's options, tags applied) and write
 * quality.json atomically. Never throws for bad inputs: they are recorded and fail the gates.
 * Runs given the same `configs` cache (a batch) read quality.config.json once.
 */
export async function runQuality(
  project: ProjectRef,
  options: NormalizedQualityOptions,
  /** The project's target name per tool and for health (e.g. `quality-test`), for messages. */
  targetNames: Partial<Record<QualityTool | 'health', string>> = {},
  configs?: QualityConfigCache,
): Promise<QualityOutcome> {
  const resultsDir = resolveResultsDir(options.resultsDir, project);
  const { config, fileState, error: configError } = resolveProjectConfig(project.workspaceRoot, options, configs);
  const read = readToolResults(project, resultsDir, options.tools, targetNames);
  const healthStep = readHealthResult(project, resultsDir, config.health, targetNames.health);

  const absent: ResultKind[] = QUALITY_TOOLS.filter((tool) => !options.tools.includes(tool));
  if (healthStep.input.state === 'disabled') absent.push('health');
  const unknownReasons = { ...read.unknownReasons };
  if (!healthStep.health) unknownReasons['health'] = healthStep.input.detail ?? 'no health result';
  else if (healthStep.health.status === 'error') unknownReasons['health'] = 'the health analysis failed';

  const conditions = resolveProjectConditions(config, project, absent);
  const metrics = collectMetrics({ ...read.results, health: healthStep.health });
  const evaluated = evaluateGates({ project: project.name, metrics, conditions, unknownReasons });

  const configViolations = [
    ...(configError ? configError.message.split('\n') : []),
    ...healthStep.configErrors.map((line) => `invalid health option (quality.config.json or the target's health option): ${line}`),
  ];
  const violations = [...configViolations, ...evaluated.violations, ...unusableHealthViolation(project.name, healthStep, evaluated.violations)];
  const inputs: QualityResult['inputs'] = { ...read.inputs, health: healthStep.input };
  if (fileState) inputs['config'] = fileState;

  const result = QualityResultSchema.parse({
    kind: 'quality',
    schemaVersion: RESULT_SCHEMA_VERSION,
    project: project.name,
    projectRoot: project.root,
    status: violations.length === 0 ? 'passed' : 'failed',
    evaluatedAt: new Date().toISOString(),
    ...taskHashField(),
    inputs,
    metrics,
    conditions: evaluated.conditions,
    violations,
  } satisfies QualityResult);
  const file = posix.join(resultsDir, RESULT_FILE_NAMES.quality);
  writeJsonAtomic(join(project.workspaceRoot, file), result);
  return { result, file, tools: { ...read.results, health: healthStep.health } };
}

/**
 * A health result that is an error, missing or invalid never backs a passed gate, even when no gate
 * reads health metrics (the defaults do not): the same sentence the workspace report gives it.
 */
function unusableHealthViolation(projectName: string, step: ReturnType<typeof readHealthResult>, violations: readonly string[]): string[] {
  const { state, file, detail } = step.input;
  if (state !== 'error' && state !== 'missing' && state !== 'invalid') return [];
  if (violations.some((line) => line.startsWith('health.'))) return [];
  const error = step.health?.error;
  const because = state === 'error' ? `error: ${error ? `${error.code} ${error.message}` : 'the tool could not run'}` : `${state}: ${detail ?? file}`;
  return [`health result ${because} (${file}) (project ${projectName})`];
}
