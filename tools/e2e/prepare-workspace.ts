import { existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createBaseWorkspace, JEST_LIBS, NODE_LIB, VITEST_LIB, workspaceScope } from './create-base-workspace';
import { installTaskProbe } from './nx-task-probe';
import { timePhase } from './phase-timer';
import { plantDefects } from './plant-defects';
import { CommandResult, runCommand, workspaceBin } from './run-command';

/** This repository's root. */
export const REPO_ROOT = resolve(__dirname, '..', '..');

/** The error-hierarchy spec the generator scenario uses (3 categories, 8 leaves). */
export const ERROR_SPEC_FIXTURE = join(REPO_ROOT, 'packages/plugin/src/generators/error-hierarchy/__fixtures__/errors.json');

/** Test kinds the generator scenario scaffolds in `delta`. */
export const SUITE_KINDS = ['unit', 'integration', 'e2e'] as const;

/** A workspace ready for the scenarios, with what each setup step produced. */
export interface PreparedWorkspace {
  /** Temp folder holding the tarballs and the workspace. */
  root: string;
  dir: string;
  scope: string;
  tarballs: string[];
  /** `<scope>/<lib>` for every library. */
  project: (lib: string) => string;
  init: CommandResult;
  /** Generator runs on delta; `undefined` when the fixture spec is missing. */
  generators: { errorHierarchy?: CommandResult; testSuite?: CommandResult; skipped?: string };
}

/** Packs this repository's packages into `<dir>` with tools/pack.mjs (which checks the `files` lists first). */
export function packTarballs(dir: string): string[] {
  const args = [join(REPO_ROOT, 'tools/pack.mjs'), '--out', dir];
  if (process.env.NXQ_E2E_PACK_WARN_ONLY) args.push('--warn-only');
  runCommand(process.execPath, args, { cwd: REPO_ROOT });
  const tarballs = readdirSync(dir)
    .filter((f) => f.endsWith('.tgz'))
    .map((f) => join(dir, f));
  if (tarballs.length < 3) throw new Error(`expected 3 tarballs in ${dir}, found ${tarballs.join(', ') || 'none'}`);
  return tarballs;
}

/** Version range of a dev dependency of this repository, so the workspace gets what the repo tests with. */
export function repoDevVersion(pkg: string): string {
  return JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')).devDependencies[pkg];
}

/** `init` options that make our targets replace the official Jest/ESLint/TypeScript ones, from its schema. */
export function initArgs(workspace: string): string[] {
  const schemaPath = join(workspace, 'node_modules/@nx-quality/plugin/dist/generators/init/schema.json');
  if (!existsSync(schemaPath)) return [];
  const props = Object.keys((JSON.parse(readFileSync(schemaPath, 'utf8')) as { properties?: object }).properties ?? {});
  const replace = props.find((p) => /replace/i.test(p));
  return replace ? [`--${replace}`] : [];
}

/**
 * Builds the shared workspace once: base workspace, probe plugin, packed packages installed, `init`,
 * planted defects, generators on the clean library, and one commit (so `nx affected` has a base).
 */
export async function prepareWorkspace(): Promise<PreparedWorkspace> {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'nxq-e2e-')));
  process.stderr.write(`[e2e] workspace root: ${root}\n`);
  const tarballs = await timePhase('pack tarballs', () => packTarballs(join(root, 'tarballs')));
  const dir = await createBaseWorkspace(root, 'nxq-e2e', { vitestLib: true });
  const scope = workspaceScope(dir);
  installTaskProbe(dir);

  await timePhase('npm install tarballs', () =>
    runCommand('npm', ['install', '-D', '--no-audit', '--no-fund', ...tarballs, `c8@${repoDevVersion('c8')}`], { cwd: dir }),
  );
  const init = await timePhase('nx g @nx-quality/plugin:init', () =>
    runCommand(workspaceBin(dir, 'nx'), ['g', '@nx-quality/plugin:init', '--no-interactive', ...initArgs(dir)], { cwd: dir, check: false }),
  );

  plantDefects(dir);

  const generators: PreparedWorkspace['generators'] = {};
  const delta = `${scope}/delta`;
  if (!existsSync(ERROR_SPEC_FIXTURE)) {
    generators.skipped = `${ERROR_SPEC_FIXTURE} does not exist`;
  } else {
    generators.errorHierarchy = await timePhase('nx g error-hierarchy (delta)', () =>
      runCommand(workspaceBin(dir, 'nx'), ['g', '@nx-quality/plugin:error-hierarchy', `--project=${delta}`, `--spec=${ERROR_SPEC_FIXTURE}`, '--no-interactive'], {
        cwd: dir,
        check: false,
      }),
    );
    generators.testSuite = await timePhase('nx g test-suite (delta)', () =>
      runCommand(workspaceBin(dir, 'nx'), ['g', '@nx-quality/plugin:test-suite', `--project=${delta}`, `--kinds=${SUITE_KINDS.join(',')}`, '--no-interactive'], {
        cwd: dir,
        check: false,
      }),
    );
  }

  runCommand('git', ['add', '-A'], { cwd: dir });
  runCommand('git', ['-c', 'user.name=e2e', '-c', 'user.email=e2e@example.com', 'commit', '-q', '--no-verify', '-m', 'nx-quality, planted defects'], {
    cwd: dir,
  });
  return { root, dir, scope, tarballs, project: (lib) => `${scope}/${lib}`, init, generators };
}

/** Removes the temp folder unless NXQ_E2E_KEEP is set (to inspect a failed run). */
export function disposeWorkspace(prepared: PreparedWorkspace | undefined): void {
  if (!prepared) return;
  if (process.env.NXQ_E2E_KEEP) {
    process.stderr.write(`[e2e] kept ${prepared.root} (NXQ_E2E_KEEP)\n`);
    return;
  }
  rmSync(prepared.root, { recursive: true, force: true });
}

export { JEST_LIBS, NODE_LIB, VITEST_LIB };
