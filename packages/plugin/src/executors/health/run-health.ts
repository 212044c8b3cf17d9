import { rmSync } from 'node:fs';
import { join, posix } from 'node:path';
import {
  formatZodIssues,
  resolveResultsDir,
  RESULT_FILE_NAMES,
  writeJsonAtomic,
  type HealthResult,
} from '@nx-quality/core';
import { analyzeHealth } from '../../health/analyze-health';
import { errorHealthResult } from '../../health/error-health-result';
import { healthOptionsSchema } from '../../health/health-options';
import { describeError } from '../shared/describe-error';
import { didNotFinish } from '../shared/record-tool-result';
import type { ProjectRef } from '../../shared/project-ref';
import type { HealthTaskCache } from './health-task-cache';
import { resolveHealthConfig } from './resolve-health-config';
import type { NormalizedHealthExecutorOptions } from './options';

/** What a health run produced: the result written to health.json, or `disabled` when `health: false`. */
export interface HealthOutcome {
  /** Workspace-relative health.json. */
  file: string;
  health?: HealthResult;
  /** Set when quality.config.json turns the analysis off (`health: false`). */
  disabled?: boolean;
  /** Present when quality.config.json could not be loaded (the target's options still applied). */
  configWarning?: string;
}

const TOOL = { name: 'nx-quality-health', version: 'unknown' } as const;

/**
 * The health target's work for one project: layer its options over quality.config.json, run the
 * analysis and write health.json
 * atomically on every outcome. `health: false` removes a stale health.json instead. Never throws.
 * Runs given the same `cache` (a batch) share loaded tools and configs, with the same results.
 */
export async function runHealth(project: ProjectRef, options: NormalizedHealthExecutorOptions, cache?: HealthTaskCache): Promise<HealthOutcome> {
  const resultsDir = resolveResultsDir(options.resultsDir, project);
  const file = posix.join(resultsDir, RESULT_FILE_NAMES.health);
  const absolute = join(project.workspaceRoot, file);
  const startedAt = new Date();
  const { health: config, configWarning } = resolveHealthConfig(project.workspaceRoot, options, cache?.configs);
  if (config === false) {
    rmSync(absolute, { force: true });
    return { file, disabled: true, configWarning };
  }

  let health: HealthResult;
  const parsed = healthOptionsSchema.safeParse(config ?? {});
  if (!parsed.success) {
    const lines = formatZodIssues(parsed.error).map((issue) => `health.${issue.path || '(root)'}: ${issue.message}`);
    health = errorHealthResult(project, startedAt, TOOL, {
      code: 'INVALID_OPTIONS',
      message: `invalid health options: ${lines.join('; ')}`,
      hint: "Fix the health block of quality.config.json or the health target's options.",
    });
  } else {
    // Until the analysis ends, health.json says it did not finish: a worker that dies mid-way leaves that, never the last run's result.
    writeJsonAtomic(absolute, errorHealthResult(project, startedAt, TOOL, didNotFinish('health')));
    try {
      health = await analyzeHealth(project, parsed.data, cache?.analysis);
      // eslint-disable-next-line @nx-quality/no-generic-catch -- executor boundary: any crash of the analysis is recorded as health.json status error, never thrown
    } catch (error) {
      health = errorHealthResult(project, startedAt, TOOL, describeError(error, 'HEALTH_ANALYSIS_FAILED'));
    }
  }
  writeJsonAtomic(absolute, health);
  return { file, health, configWarning };
}
