import { join, posix } from 'node:path';
import { formatZodIssues, readProjectResult, RESULT_FILE_NAMES, type HealthConfig, type HealthResult } from '@nx-quality/core';
import { healthOptionsSchema } from '../../health/health-options';
import type { ProjectRef } from '../../shared/project-ref';
import type { InputRecord } from './read-tool-results';

/** The health input of a quality run: the result read from health.json, or why there is none. */
export interface HealthInput {
  health?: HealthResult;
  input: InputRecord;
  /** Invalid health options: one line per bad key, prefixed with where the options come from. */
  configErrors: string[];
}

/**
 * Reads health.json written by the project's health target. `false` means no analysis is expected;
 * invalid options are reported here too, so the gates name the bad key even though the health
 * target recorded only an error result.
 */
export function readHealthResult(project: ProjectRef, resultsDir: string, config: HealthConfig | undefined, targetName = 'health'): HealthInput {
  const file = posix.join(resultsDir, RESULT_FILE_NAMES.health);
  if (config === false) return { input: { state: 'disabled', file, detail: 'health: false' }, configErrors: [] };
  const parsed = healthOptionsSchema.safeParse(config ?? {});
  const configErrors = parsed.success ? [] : formatZodIssues(parsed.error).map((issue) => `health.${issue.path || '(root)'}: ${issue.message}`);

  const read = readProjectResult(join(project.workspaceRoot, file), 'health', project.name);
  if (read.state === 'missing') return { input: { state: 'missing', file, detail: `${file} does not exist; run the ${targetName} target first` }, configErrors };
  if (read.state === 'invalid') return { input: { state: 'invalid', file, detail: `${file} ${read.reason}` }, configErrors };
  if (read.value.status === 'error') {
    return { health: read.value, input: { state: 'error', file, detail: read.value.error?.message ?? 'the health analysis failed', startedAt: read.value.startedAt }, configErrors };
  }
  return { health: read.value, input: { state: 'ok', file, startedAt: read.value.startedAt }, configErrors };
}
