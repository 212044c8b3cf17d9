import { rmSync } from 'node:fs';
import { join, posix } from 'node:path';
import { formatZodIssues, RESULT_FILE_NAMES, writeJsonAtomic, type HealthConfig, type HealthResult, type TestResult } from '@nx-quality/core';
import { analyzeHealth } from '../../health/analyze-health';
import { errorHealthResult } from '../../health/error-health-result';
import { healthOptionsSchema } from '../../health/health-options';
import { describeError } from '../shared/describe-error';
import type { ProjectRef } from '../shared/project-ref';
import type { InputRecord } from './read-tool-results';

/** What the health step produced: the result (also written to health.json) or why there is none. */
export interface HealthStep {
  health?: HealthResult;
  input: InputRecord;
  /** Invalid health options: one line per bad key, prefixed with where the options come from. */
  configErrors: string[];
}

/**
 * Runs the health analysis and writes health.json atomically. `false` skips it and removes a
 * health.json left by an earlier run, so the cached outputs never carry a stale analysis.
 */
export async function runHealthStep(project: ProjectRef, resultsDir: string, config: HealthConfig | undefined, test: TestResult | undefined): Promise<HealthStep> {
  const file = posix.join(resultsDir, RESULT_FILE_NAMES.health);
  const absolute = join(project.workspaceRoot, file);
  if (config === false) {
    rmSync(absolute, { force: true });
    return { input: { state: 'disabled', file, detail: 'health: false' }, configErrors: [] };
  }
  const parsed = healthOptionsSchema.safeParse(config ?? {});
  if (!parsed.success) {
    rmSync(absolute, { force: true });
    const configErrors = formatZodIssues(parsed.error).map((issue) => `health.${issue.path || '(root)'}: ${issue.message}`);
    return { input: { state: 'error', file, detail: `invalid health options: ${configErrors.join('; ')}` }, configErrors };
  }
  const startedAt = new Date();
  let health: HealthResult;
  try {
    health = await analyzeHealth(project, parsed.data, { test });
    // eslint-disable-next-line @nx-quality/no-generic-catch -- executor boundary: any crash of the analysis is recorded as health.json status error, never thrown
  } catch (error) {
    health = errorHealthResult(project, startedAt, { name: 'nx-quality-health', version: 'unknown' }, describeError(error, 'HEALTH_ANALYSIS_FAILED'));
  }
  writeJsonAtomic(absolute, health);
  return {
    health,
    input: health.status === 'error' ? { state: 'error', file, detail: health.error?.message ?? 'the health analysis failed' } : { state: 'ok', file },
    configErrors: [],
  };
}
