import type { ProjectRef } from '../../shared/project-ref';
import type { NormalizedTestOptions } from '../normalize-test-options';
import type { RunnerOutcome } from '../runner-outcome';

/** Runs a project's tests with Node's test runner under c8. */
export async function runNodeTests(_project: ProjectRef, _options: NormalizedTestOptions): Promise<RunnerOutcome> {
  return { tool: { name: 'node', version: process.versions.node }, error: { code: 'NOT_IMPLEMENTED', message: 'node runner' } };
}
