import { QualityError } from '@nx-quality/core';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const REPO_ROOT = join(__dirname, '../../../..');

/**
 * Installs `eslint@<spec>` once into `<repo>/tmp/eslint-<spec>-deps` (git-ignored; reused by later
 * specs and runs) and returns its package folder. Not a root dependency: a second ESLint's `eslint`
 * bin would shadow the repository's own. Installed into a private folder first, then renamed, so
 * two specs installing at once never see a half-written copy.
 */
export function installEslintVersion(spec: string, expectedVersionPrefix: string): string {
  const deps = join(REPO_ROOT, 'tmp', `eslint-${spec.replace(/[^\w.-]/g, '_')}-deps`);
  const packageDir = join(deps, 'node_modules/eslint');
  if (installedVersion(packageDir)?.startsWith(expectedVersionPrefix)) return packageDir;

  const staging = `${deps}.${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  writeFileSync(join(staging, 'package.json'), JSON.stringify({ name: 'eslint-version-deps', private: true, dependencies: { eslint: spec } }));
  const npm = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--no-package-lock'], { cwd: staging, encoding: 'utf8' });
  if (npm.status !== 0) {
    throw new QualityError('ESLINT_TEST_INSTALL_FAILED', `npm install eslint@${spec} failed:\n${npm.stdout}\n${npm.stderr}`, {
      hint: 'The specs need the npm registry once per checkout; the copy in tmp/ is reused afterwards.',
    });
  }
  rmSync(deps, { recursive: true, force: true });
  try {
    renameSync(staging, deps);
  } catch (error) {
    // Another spec finished the same install first: use its copy.
    if (!installedVersion(packageDir)?.startsWith(expectedVersionPrefix)) throw error;
    rmSync(staging, { recursive: true, force: true });
  }
  return packageDir;
}

function installedVersion(packageDir: string): string | undefined {
  const manifest = join(packageDir, 'package.json');
  return existsSync(manifest) ? (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version : undefined;
}
