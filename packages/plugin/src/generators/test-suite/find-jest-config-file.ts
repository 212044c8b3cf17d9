import { joinPathFragments, type Tree } from '@nx/devkit';
import { QualityError } from '@nx-quality/core';

const NAMES = ['jest.config.cts', 'jest.config.ts', 'jest.config.mts', 'jest.config.js', 'jest.config.cjs', 'jest.config.mjs'];

/** The project's own Jest config file; the generator needs one to wire the kinds into. */
export function findJestConfigFile(tree: Tree, projectName: string, projectRoot: string): string {
  const found = NAMES.map((name) => joinPathFragments(projectRoot, name)).find((file) => tree.exists(file));
  if (!found) {
    throw new QualityError('NO_JEST_CONFIG', `test-suite: project "${projectName}" has no Jest config (looked for ${NAMES.join(', ')} in ${projectRoot || '.'}).`, {
      hint: `Add Jest first: nx g @nx/jest:configuration --project=${projectName}`,
    });
  }
  return found;
}
