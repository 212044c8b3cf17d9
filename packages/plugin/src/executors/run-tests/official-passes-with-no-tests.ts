import type { ProjectRef } from '../../shared/project-ref';
import { programArguments } from '../../tool-facts/program-arguments';
import { readShellCommand } from '../../tool-facts/read-shell-command';
import { TEST_RUNNER_PROGRAMS } from '../../tool-facts/script-test-runner';
import { officialCommandLine } from '../shared/official-command-line';
import type { OfficialTargetOptions } from '../shared/read-official-target-options';

const FLAGS = new Set(['--passWithNoTests', '--pass-with-no-tests', '--passWithNoTests=true', '--pass-with-no-tests=true']);

/**
 * Whether the official test target ours stands beside passes when no test file is found: its
 * `passWithNoTests` option (an `@nx/jest:jest` or `@nx/vitest:test` option; workspaces often set it
 * in targetDefaults), or the flag on the `jest`/`vitest` its command runs: a package.json script
 * (`"test:lib": "vitest --passWithNoTests"`), or run-commands with what it adds to the command (the
 * option of an official plugin's inferred target reaches `jest` as `--passWithNoTests=true`, `args`).
 */
export function officialPassesWithNoTests(project: ProjectRef, official: OfficialTargetOptions | undefined): boolean {
  if (!official) return false;
  const { passWithNoTests } = official.options;
  if (passWithNoTests === true || passWithNoTests === 'true') return true;
  const command = officialCommandLine(project, official);
  if (command === undefined) return false;
  return (readShellCommand(command) ?? []).some((words) =>
    Object.values(TEST_RUNNER_PROGRAMS).some((runner) => programArguments(words, runner)?.some(({ word }) => FLAGS.has(word)) === true),
  );
}
