import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findJestConfig } from './find-jest-config';

/**
 * Which runner a project uses, for target inference: 'jest' when it has a Jest config, 'node' when
 * its package.json `test` script runs `node --test`, undefined otherwise.
 */
export function detectTestRunner(projectRootAbsolute: string): 'jest' | 'node' | undefined {
  if (findJestConfig(projectRootAbsolute)) return 'jest';
  const manifest = join(projectRootAbsolute, 'package.json');
  if (!existsSync(manifest)) return undefined;
  let script: unknown;
  try {
    script = (JSON.parse(readFileSync(manifest, 'utf8')) as { scripts?: Record<string, unknown> }).scripts?.['test'];
  } catch (error) {
    // A package.json that is not JSON declares no runner; the test executor reports it when it runs.
    if (error instanceof SyntaxError) return undefined;
    throw error;
  }
  return typeof script === 'string' && runsNodeTest(script) ? 'node' : undefined;
}

/** Whether one of the shell commands in a script is `node … --test …`. */
function runsNodeTest(script: string): boolean {
  return script.split(/&&|\|\||;/).some((command) => {
    const words = command.trim().split(/\s+/);
    const node = words.findIndex((word) => word === 'node' || word.endsWith('/node'));
    return node >= 0 && words.slice(node + 1).some((word) => word === '--test' || word.startsWith('--test='));
  });
}
