import { join } from 'node:path';
import { installTestPackages } from './install-test-packages';

/** Installs `eslint@<spec>` once into `<repo>/tmp/eslint-<spec>-deps` and returns its package folder. */
export function installEslintVersion(spec: string, expectedVersionPrefix: string): string {
  const deps = installTestPackages(`eslint-${spec.replace(/[^\w.-]/g, '_')}-deps`, { eslint: spec }, 'eslint', expectedVersionPrefix);
  return join(deps, 'node_modules/eslint');
}
