import { QualityError } from '@nx-quality/core';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const REPO_ROOT = join(__dirname, '../../../..');

/**
 * Installs `dependencies` once into `<repo>/tmp/<folder>` (git-ignored; reused by later specs and
 * runs while the installed `main` package's version starts with `versionPrefix`) and returns that
 * folder. Not root dependencies: a second copy of a tool (its bin, its plugins) would shadow the
 * repository's own. Installed into a private folder first, then renamed, so two specs installing at
 * once never see a half-written copy.
 */
export function installTestPackages(folder: string, dependencies: Record<string, string>, main: string, versionPrefix: string): string {
  const deps = join(REPO_ROOT, 'tmp', folder);
  const mainDir = join(deps, 'node_modules', main);
  if (installedVersion(mainDir)?.startsWith(versionPrefix)) return deps;

  const staging = `${deps}.${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  writeFileSync(join(staging, 'package.json'), JSON.stringify({ name: folder, private: true, dependencies }));
  const npm = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--no-package-lock'], { cwd: staging, encoding: 'utf8' });
  if (npm.status !== 0) {
    const packages = Object.entries(dependencies).map(([name, spec]) => `${name}@${spec}`);
    throw new QualityError('TEST_PACKAGES_INSTALL_FAILED', `npm install ${packages.join(' ')} failed:\n${npm.stdout}\n${npm.stderr}`, {
      hint: 'The specs need the npm registry once per checkout; the copy in tmp/ is reused afterwards.',
    });
  }
  rmSync(deps, { recursive: true, force: true });
  try {
    renameSync(staging, deps);
  } catch (error) {
    // Another spec finished the same install first: use its copy.
    if (!installedVersion(mainDir)?.startsWith(versionPrefix)) throw error;
    rmSync(staging, { recursive: true, force: true });
  }
  return deps;
}

function installedVersion(packageDir: string): string | undefined {
  const manifest = join(packageDir, 'package.json');
  return existsSync(manifest) ? (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version : undefined;
}
