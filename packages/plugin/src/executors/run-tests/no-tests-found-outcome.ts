import type { WorkspacePath } from '../../shared/workspace-path';
import type { ProjectRef } from '../../shared/project-ref';
import type { RunnerOutcome } from './runner-outcome';

/** A run that found no test file where tests were expected (the passWithNoTests option is off). */
export function noTestsFoundOutcome(
  ran: Pick<RunnerOutcome, 'tool' | 'tests' | 'coverage'>,
  project: ProjectRef,
  config: WorkspacePath | undefined,
  hint: string,
): RunnerOutcome {
  return {
    ...ran,
    error: { code: 'NO_TESTS_FOUND', message: `No test files found for project "${project.name}" with ${config?.relative}.`, file: config?.relative, hint },
  };
}
