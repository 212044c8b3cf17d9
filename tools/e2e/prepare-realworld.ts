import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBaseWorkspace, workspaceScope } from './create-base-workspace';
import { timePhase } from './phase-timer';
import { packTarballs } from './prepare-workspace';
import { missingPackages, reshapeWorkspace, RW } from './realworld-workspace';
import { CommandResult, runCommand, workspaceBin } from './run-command';

/** The real-world workspace, ready for its scenarios. */
export interface RealworldWorkspace {
  /** Temp folder holding the tarballs, the workspace and its Nx cache. */
  root: string;
  dir: string;
  scope: string;
  /** `<scope>/<lib>` for a library under packages/. */
  project: (lib: string) => string;
  /** Environment of every Nx command: the workspace's own cache folder. */
  nxEnv: Record<string, string>;
  init: CommandResult;
}

/** Commits everything in the workspace (so the working tree is clean for Nx and the next step). */
export function commitAll(dir: string, message: string): void {
  runCommand('git', ['add', '-A'], { cwd: dir });
  runCommand('git', ['-c', 'user.name=e2e', '-c', 'user.email=e2e@example.com', 'commit', '-q', '--no-verify', '--allow-empty', '-m', message], { cwd: dir });
}

/**
 * create-nx-workspace (ts preset) with one generated @nx/js library, reshaped into the real-world
 * patterns (realworld-workspace.ts), our packed packages installed and `init` run without
 * --replaceOfficial (ours stand beside the official targets), committed.
 */
export async function prepareRealworldWorkspace(): Promise<RealworldWorkspace> {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'nxq-rw-')));
  process.stderr.write(`[e2e] workspace root: ${root}\n`);
  const tarballs = await timePhase('pack tarballs', () => packTarballs(join(root, 'tarballs')));
  const dir = await createBaseWorkspace(root, 'nxq-rw', { libs: [RW.control], nodeLib: false, vitestLib: true });
  const scope = workspaceScope(dir);
  await timePhase('reshape into the real-world patterns', () => reshapeWorkspace(dir, scope));
  const missing = missingPackages(dir);
  if (missing.length > 0) throw new Error(`the base workspace lacks ${missing.join(', ')} (create-nx-workspace installs them)`);
  await timePhase('npm install tarballs', () => runCommand('npm', ['install', '-D', '--no-audit', '--no-fund', ...tarballs], { cwd: dir }));
  const nxEnv = { NX_CACHE_DIRECTORY: join(root, 'nx-cache') };
  const init = await timePhase('nx g @nx-quality/plugin:init', () =>
    runCommand(workspaceBin(dir, 'nx'), ['g', '@nx-quality/plugin:init', '--no-interactive'], { cwd: dir, check: false, env: nxEnv }),
  );
  commitAll(dir, 'real-world patterns, nx-quality installed');
  return { root, dir, scope, project: (lib) => `${scope}/${lib}`, nxEnv, init };
}

/** Removes the temp folder unless NXQ_E2E_KEEP is set (to inspect a failed run). */
export function disposeRealworld(rw: RealworldWorkspace | undefined): void {
  if (!rw) return;
  if (process.env.NXQ_E2E_KEEP) {
    process.stderr.write(`[e2e] kept ${rw.root} (NXQ_E2E_KEEP)\n`);
    return;
  }
  rmSync(rw.root, { recursive: true, force: true });
}
