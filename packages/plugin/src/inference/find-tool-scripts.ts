import { parseEslintCommand } from '../tool-facts/parse-eslint-command';
import { scriptTestRunner } from '../tool-facts/script-test-runner';
import type { ProjectTools } from './detect-project-tools';

/**
 * The package.json scripts that are a project's own test and lint runs when it has no target of
 * our name (TanStack's `"test:lib": "vitest"` and `"test:eslint": "eslint ./src"`): per tool, the one
 * script that runs the project's test runner once (`scriptTestRunner`: Jest beside a Jest config,
 * Vitest beside a Vitest config) or runs ESLint in a way ours reproduces (`parseEslintCommand`).
 * None where several scripts qualify: which one CI runs is not known.
 */
export function findToolScripts(scripts: ReadonlyMap<string, string>, tools: Pick<ProjectTools, 'jestConfig' | 'vitestConfig' | 'eslintConfig'>): { test?: string; lint?: string } {
  const runner = tools.jestConfig ? 'jest' : tools.vitestConfig ? 'vitest' : undefined;
  const only = (names: string[]): string | undefined => (names.length === 1 ? names[0] : undefined);
  const entries = [...scripts];
  const test = runner ? only(entries.filter(([, command]) => scriptTestRunner(command) === runner).map(([name]) => name)) : undefined;
  const lint = tools.eslintConfig ? only(entries.filter(([, command]) => isCarriedEslintRun(command)).map(([name]) => name)) : undefined;
  return { ...(test ? { test } : {}), ...(lint ? { lint } : {}) };
}

function isCarriedEslintRun(command: string): boolean {
  const line = parseEslintCommand(command);
  return line !== undefined && !('uncarried' in line);
}
