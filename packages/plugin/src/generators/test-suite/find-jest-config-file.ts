import { joinPathFragments, type Tree } from '@nx/devkit';
import { QualityError } from '@nx-quality/core';
import { findJestConfigFile as findInProject, JEST_CONFIG_FILE_NAMES } from '../../tool-facts/jest-config-files';

/** The project's own Jest config file (the one inference and the test executor use); the generator wires the kinds into it. */
export function findJestConfigFile(tree: Tree, projectName: string, projectRoot: string): string {
  const found = findInProject(projectRoot, (file) => tree.exists(file), joinPathFragments);
  if (!found) {
    throw new QualityError('NO_JEST_CONFIG', `test-suite: project "${projectName}" has no Jest config (looked for ${JEST_CONFIG_FILE_NAMES.join(', ')} in ${projectRoot || '.'}).`, {
      hint: `Add Jest first: nx g @nx/jest:configuration --project=${projectName}`,
    });
  }
  return found;
}
