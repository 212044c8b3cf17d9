// pnpm and yarn for the registry e2e, installed from the npm registry into a throwaway folder (the only
// network this project's machines reach: corepack's own downloads fail here, it cannot verify the
// registry's signatures). Each package manager gets the environment a user's shell would give it.
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { runCommand } from './run-command';

export type PackageManager = 'npm' | 'pnpm' | 'yarn';

/** The versions the matrix tests (latest pnpm 10 and yarn 4 when written); npm is the one Node ships. */
export const PACKAGE_MANAGER_VERSIONS = { pnpm: '10.34.8', yarn: '4.18.1' } as const;

/** Installed pnpm and yarn, and the folder their bins are in. */
export interface InstalledPackageManagers {
  binDir: string;
  yarnRoot: string;
}

export function installPackageManagers(dir: string): InstalledPackageManagers {
  mkdirSync(dir, { recursive: true });
  runCommand(
    'npm',
    ['install', '--prefix', dir, '--no-save', '--no-audit', '--no-fund', `pnpm@${PACKAGE_MANAGER_VERSIONS.pnpm}`, `@yarnpkg/cli-dist@${PACKAGE_MANAGER_VERSIONS.yarn}`],
    { cwd: dir },
  );
  return { binDir: join(dir, 'node_modules', '.bin'), yarnRoot: join(dir, 'node_modules', '@yarnpkg', 'cli-dist') };
}

/** Environment for commands of a workspace managed by `pm`. */
export function packageManagerEnv(pm: PackageManager, installed: InstalledPackageManagers): Record<string, string> {
  const env: Record<string, string> = { PATH: `${installed.binDir}${delimiter}${process.env.PATH ?? ''}` };
  if (pm === 'yarn') {
    // create-nx-workspace runs `yarn set version <the yarn on PATH>`; without a version manager yarn
    // would download itself from its own site. COREPACK_ROOT says one provides yarn (as corepack
    // does): it only writes "packageManager", and the yarn on PATH is that version.
    env.COREPACK_ROOT = installed.yarnRoot;
    // CI=true (every e2e command has it) makes yarn refuse to write a lockfile; create-nx-workspace's
    // first install writes one.
    env.YARN_ENABLE_IMMUTABLE_INSTALLS = 'false';
  }
  return env;
}

/**
 * Points the workspace's package manager at the local registry for one scope only; every other
 * package comes from where it always does. Yarn 4 also holds back versions younger than a day
 * (npmMinimalAgeGate), so the scope is pre-approved, as a user installing a release of today must.
 */
export function useRegistryForScope(workspace: string, pm: PackageManager, scope: string, registryUrl: string): void {
  if (pm === 'yarn') {
    const host = new URL(registryUrl).hostname;
    const file = join(workspace, '.yarnrc.yml');
    const before = existsSync(file) ? readFileSync(file, 'utf8') : '';
    writeFileSync(
      file,
      `${before}${before === '' || before.endsWith('\n') ? '' : '\n'}npmScopes:\n  ${scope.replace(/^@/, '')}:\n    npmRegistryServer: ${JSON.stringify(registryUrl.replace(/\/$/, ''))}\nunsafeHttpWhitelist:\n  - ${JSON.stringify(host)}\nnpmPreapprovedPackages:\n  - ${JSON.stringify(`${scope}/*`)}\n`,
    );
    return;
  }
  // npm and pnpm read the project's .npmrc.
  appendFileSync(join(workspace, '.npmrc'), `\n${scope}:registry=${registryUrl}\n`);
}
