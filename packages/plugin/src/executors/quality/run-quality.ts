import { join, posix } from 'node:path';
import {
  judgeProject,
  QualityResultSchema,
  RESULT_FILE_NAMES,
  RESULT_SCHEMA_VERSION,
  resolveResultsDir,
  writeJsonAtomic,
  type HealthResult,
  type QualityResult,
  type ResultKind,
  type TestResult,
  type LintResult,
  type TypecheckResult,
  type UnusableResult,
} from '@nx-quality/core';
import type { QualityConfigCache } from '../shared/load-quality-config-once';
import type { ProjectRef } from '../../shared/project-ref';
import { taskHashField } from '../../shared/result-header';
import { QUALITY_TOOLS, type NormalizedQualityOptions, type QualityTool } from './options';
import { readToolResults, type InputRecord } from './read-tool-results';
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

  // Each sentence names its project, as every gate sentence does, so a run's list can be grepped by project.
  const configViolations = [
    ...(configError ? configError.message.split('\n') : []),
    ...healthStep.configErrors.map((line) => `invalid health option (quality.config.json or the target's health option): ${line}`),
  ].map((line) => `${line} (project ${project.name})`);
  const tools = { ...read.results, health: healthStep.health };
  const judgement = judgeProject({
    project,
    results: tools,
    config,
    absent,
    unknownReasons,
    unusable: unusableInputs({ ...read.inputs, health: healthStep.input }, tools),
    configViolations,
  });
  const inputs: QualityResult['inputs'] = { ...read.inputs, health: healthStep.input };
  if (fileState) inputs['config'] = fileState;

  const result = QualityResultSchema.parse({
    kind: 'quality',
    schemaVersion: RESULT_SCHEMA_VERSION,
    project: project.name,
    projectRoot: project.root,
    status: judgement.status,
    evaluatedAt: new Date().toISOString(),
    ...taskHashField(),
    inputs,
    metrics: judgement.metrics,
    conditions: judgement.conditions,
    violations: judgement.violations,
  } satisfies QualityResult);
  const file = posix.join(resultsDir, RESULT_FILE_NAMES.quality);
  writeJsonAtomic(join(project.workspaceRoot, file), result);
  return { result, file, tools };
}

/** The inputs that cannot back a passed gate (error, missing, invalid), in the sentences the report uses too. */
function unusableInputs(inputs: Record<ResultKind, InputRecord>, results: QualityOutcome['tools']): Partial<Record<ResultKind, UnusableResult>> {
  const unusable: Partial<Record<ResultKind, UnusableResult>> = {};
  for (const [kind, { state, file, detail }] of Object.entries(inputs) as [ResultKind, InputRecord][]) {
    if (state === 'error') {
      const error = results[kind]?.error;
      unusable[kind] = { because: `error: ${error ? `${error.code} ${error.message}` : 'the tool could not run'}`, file };
    } else if (state === 'missing' || state === 'invalid') {
      unusable[kind] = { because: `${state}: ${detail ?? file}`, file };
    }
  }
  return unusable;
}
