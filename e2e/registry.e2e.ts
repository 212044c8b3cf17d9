// Installed the way users install it: the three packages published to a local registry (Verdaccio,
// `nx release publish`), then in workspaces made by create-nx-workspace with npm, pnpm and yarn on
// Nx 23 and with npm on Nx 22.7 and 22.0: `nx add @nx-quality/plugin` (which runs our init generator) and
// `nx run-many -t quality` on one @nx/js library with a planted failing test and lint error. The
// recorded numbers are compared with Jest's and ESLint's own runs on the same code.
//
// One registry serves every case; the cases are prepared side by side (their time goes to downloads),
// then asserted one by one. A case whose preparation fails fails its own tests only.
// Environment (optional): NXQ_E2E_KEEP=1 keeps the temp folder; NXQ_E2E_REGISTRY_CASES=nx23-npm,…
// runs some cases only; NXQ_E2E_REGISTRY_CONCURRENCY=<n> (default 4) cases prepared at once.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LintResultSchema, QualityResultSchema, TestResultSchema } from '@nx-quality/core';
import type { ZodType } from 'zod';
import { LOCAL_SCOPE, publishPackages, publishedVersions, startLocalRegistry, type LocalRegistry } from '../tools/e2e/local-registry';
import { Mismatches } from '../tools/e2e/mismatches';
import { OUR_PACKAGES, packAsVersion } from '../tools/e2e/pack-as-version';
import { installPackageManagers, packageManagerEnv, useRegistryForScope, type InstalledPackageManagers, type PackageManager } from '../tools/e2e/package-managers';
import { phaseTimings, timePhase } from '../tools/e2e/phase-timer';
import { eslintReference, jestReference } from '../tools/e2e/reference-runs';
import { describeOutput, workspaceBin, type CommandResult } from '../tools/e2e/run-command';
import { runCommandAsync } from '../tools/e2e/run-command-async';

interface Case {
  id: string;
  createNxWorkspace: string;
  pm: PackageManager;
  /**
   * Install @nx/jest and @nx/eslint at the workspace's Nx version before `nx g @nx/js:lib`. Nx 22's
   * library generator otherwise fetches @nx/eslint into a temp folder, where npm gives its @nx/devkit
   * the newest `nx` as peer (23), and the generator crashes in that newer nx (`reading 'filter'`).
   */
  preinstallNxPlugins?: boolean;
  /**
   * Run `nx add @nx-quality/plugin` before `nx g @nx/js:lib`: the generator then registers
   * @nx/jest/plugin and @nx/eslint/plugin after ours, and their `test` and `lint` must stay theirs.
   */
  addPluginFirst?: boolean;
}

const ALL_CASES: Case[] = [
  { id: 'nx23-npm', createNxWorkspace: '23.2.1', pm: 'npm' },
  { id: 'nx23-pnpm', createNxWorkspace: '23.2.1', pm: 'pnpm', addPluginFirst: true },
  { id: 'nx23-yarn', createNxWorkspace: '23.2.1', pm: 'yarn' },
  { id: 'nx22-npm', createNxWorkspace: '22.7.7', pm: 'npm', preinstallNxPlugins: true },
  // The oldest Nx the peer ranges claim.
  { id: 'nx22.0-npm', createNxWorkspace: '22.0.4', pm: 'npm', preinstallNxPlugins: true },
];
const selected = process.env.NXQ_E2E_REGISTRY_CASES?.split(',').map((s) => s.trim());
const CASES = selected ? ALL_CASES.filter((c) => selected.includes(c.id)) : ALL_CASES;

const LIB = 'alpha';
const LIB_ROOT = `packages/${LIB}`;
const RESULTS = `dist/quality/${LIB_ROOT}`;
const FAILING_TEST = 'adds two and two on purpose wrongly';

/** What preparing one case produced, step by step (a step that threw leaves `error`). */
interface Prepared {
  dir: string;
  add?: CommandResult;
  quality?: CommandResult;
  error?: string;
}

let root: string;
let registry: LocalRegistry | undefined;
let version: string;
let packageManagers: InstalledPackageManagers;
const prepared = new Map<string, Prepared>();

function env(c: Case, dir: string): Record<string, string> {
  return { ...packageManagerEnv(c.pm, packageManagers), NX_CACHE_DIRECTORY: join(dir, '..', `${c.id}-nx-cache`) };
}

/** The planted defects: one failing test and one lint error (`no-debugger`, in every Nx ESLint preset). */
function plant(dir: string): void {
  writeFileSync(
    join(dir, LIB_ROOT, 'src/lib/alpha.ts'),
    `export function alpha(): string {
  return 'alpha';
}

/** Adds two amounts. */
export function add(a: number, b: number): number {
  debugger;
  return a + b;
}
`,
  );
  writeFileSync(
    join(dir, LIB_ROOT, 'src/lib/alpha.spec.ts'),
    `import { add, alpha } from './alpha.js';

describe('alpha', () => {
  it('should work', () => {
    expect(alpha()).toEqual('alpha');
  });

  it('adds two amounts', () => {
    expect(add(2, 3)).toBe(5);
  });

  it('${FAILING_TEST}', () => {
    expect(add(2, 2)).toBe(5);
  });
});
`,
  );
}

async function prepareCase(c: Case): Promise<void> {
  const dir = join(root, `ws-${c.id}`);
  const state: Prepared = { dir };
  prepared.set(c.id, state);
  const run = (args: string[], check = true) => runCommandAsync(args[0], args.slice(1), { cwd: dir, env: env(c, dir), check });
  try {
    await timePhase(`${c.id}: create-nx-workspace@${c.createNxWorkspace}`, () =>
      runCommandAsync(
        'npx',
        ['-y', `create-nx-workspace@${c.createNxWorkspace}`, `ws-${c.id}`, '--preset=ts', '--nxCloud=skip', '--no-interactive', `--packageManager=${c.pm}`],
        { cwd: root, env: env(c, dir) },
      ),
    );
    if (c.preinstallNxPlugins) {
      const nxVersion = (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }).devDependencies.nx;
      await timePhase(`${c.id}: install @nx/jest and @nx/eslint ${nxVersion}`, () =>
        run([c.pm, c.pm === 'npm' ? 'install' : 'add', '-D', `@nx/jest@${nxVersion}`, `@nx/eslint@${nxVersion}`]),
      );
    }
    const addPlugin = async () => {
      useRegistryForScope(dir, c.pm, LOCAL_SCOPE, registry!.url);
      state.add = await timePhase(`${c.id}: nx add @nx-quality/plugin`, () => run([workspaceBin(dir, 'nx'), 'add', '@nx-quality/plugin'], false));
    };
    if (c.addPluginFirst) await addPlugin();
    await timePhase(`${c.id}: nx g @nx/js:lib`, () =>
      run([workspaceBin(dir, 'nx'), 'g', '@nx/js:lib', LIB_ROOT, '--bundler=tsc', '--unitTestRunner=jest', '--linter=eslint', '--no-interactive']),
    );
    plant(dir);
    if (!c.addPluginFirst) await addPlugin();
    if (state.add?.code === 0) {
      state.quality = await timePhase(`${c.id}: nx run-many -t quality`, () => run([workspaceBin(dir, 'nx'), 'run-many', '-t', 'quality', '--output-style=static'], false));
    }
  } catch (error) {
    state.error = error instanceof Error ? error.message : String(error);
  }
}

/** Runs `work` over `items`, at most `limit` at once. */
async function inParallel<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(Array.from({ length: Math.min(limit, queue.length) }, async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
  }));
}

beforeAll(async () => {
  root = realpathSync(mkdtempSync(join(tmpdir(), 'nxq-registry-e2e-')));
  process.stderr.write(`[e2e] registry e2e root: ${root}\n`);
  registry = await timePhase('start Verdaccio', () => startLocalRegistry(join(root, 'registry')));
  version = await timePhase('nx release publish (3 packages)', () => publishPackages(registry!, join(root, 'repo-nx-cache')));
  packageManagers = await timePhase('install pnpm and yarn', () => installPackageManagers(join(root, 'package-managers')));
  await inParallel(CASES, Number(process.env.NXQ_E2E_REGISTRY_CONCURRENCY ?? 4), prepareCase);
}, 30 * 60 * 1000);

afterAll(async () => {
  await registry?.stop();
  const lines = phaseTimings().map((t) => `  ${t.ok ? ' ' : '!'} ${(t.durationMs / 1000).toFixed(1).padStart(6)}s  ${t.phase}`);
  process.stderr.write(`[e2e] registry e2e phase timings:\n${lines.join('\n')}\n`);
  if (root && !process.env.NXQ_E2E_KEEP) rmSync(root, { recursive: true, force: true });
  else if (root) process.stderr.write(`[e2e] kept ${root} (NXQ_E2E_KEEP)\n`);
});

describe('the local registry', () => {
  it('serves the three packages at the one version nx release published', async () => {
    const served = await Promise.all(['@nx-quality/core', '@nx-quality/eslint-plugin', '@nx-quality/plugin'].map(async (name) => [name, await publishedVersions(registry!, name)]));
    expect(Object.fromEntries(served)).toEqual({
      '@nx-quality/core': [version],
      '@nx-quality/eslint-plugin': [version],
      '@nx-quality/plugin': [version],
    });
  });
});

describe.each(CASES)('$id: create-nx-workspace@$createNxWorkspace --packageManager=$pm', (c) => {
  const state = () => {
    const s = prepared.get(c.id);
    if (!s) throw new Error(`${c.id} was not prepared`);
    if (s.error) throw new Error(`${c.id}: preparing the workspace failed:\n${s.error}`);
    return s;
  };
  const readJson = (rel: string) => JSON.parse(readFileSync(join(state().dir, rel), 'utf8'));
  function readResult<T>(file: string, schema: ZodType<T>): T {
    const rel = `${RESULTS}/${file}`;
    if (!existsSync(join(state().dir, rel))) throw new Error(`${c.id}: ${rel} was not written\n${state().quality ? describeOutput(state().quality!, 4000) : 'quality did not run'}`);
    return schema.parse(readJson(rel));
  }

  it('nx add installs the published packages and runs init, which says what it did', () => {
    const add = state().add!;
    const output = `${add.stdout}\n${add.stderr}`;
    // Each package as the plugin resolves it: pnpm keeps the plugin's dependencies beside it, not at the root.
    const pluginManifest = join(state().dir, 'node_modules/@nx-quality/plugin/package.json');
    const installed = (name: string) => {
      if (!existsSync(pluginManifest)) return 'not installed';
      try {
        return (JSON.parse(readFileSync(createRequire(realpathSync(pluginManifest)).resolve(`${name}/package.json`), 'utf8')) as { version: string }).version;
      } catch {
        return 'not resolvable from @nx-quality/plugin';
      }
    };
    const plugins = ((readJson('nx.json') as { plugins?: (string | { plugin: string })[] }).plugins ?? []).map((p) => (typeof p === 'string' ? p : p.plugin));
    expect({
      exitCode: add.code,
      registered: output.includes('nx-quality: registered @nx-quality/plugin in nx.json'),
      reportTarget: /nx-quality: added the "quality-report" target/.test(output),
      inNxJson: plugins.includes('@nx-quality/plugin'),
      devDependency: (readJson('package.json') as { devDependencies?: Record<string, string> }).devDependencies?.['@nx-quality/plugin'],
      installed: ['@nx-quality/plugin', '@nx-quality/core', '@nx-quality/eslint-plugin'].map(installed),
      output: add.code === 0 ? '' : describeOutput(add),
    }).toEqual({
      exitCode: 0,
      registered: true,
      reportTarget: true,
      inNxJson: true,
      devDependency: `^${version}`,
      installed: [version, version, version],
      output: '',
    });
  });

  if (c.addPluginFirst) {
    it("the library generator registers @nx/jest/plugin and @nx/eslint/plugin after ours; test and lint stay theirs, ours are quality-test and quality-lint", () => {
      const plugins = ((readJson('nx.json') as { plugins?: (string | { plugin: string })[] }).plugins ?? []).map((p) => (typeof p === 'string' ? p : p.plugin));
      const show = spawnSync(workspaceBin(state().dir, 'nx'), ['show', 'project', `@ws-${c.id}/${LIB}`, '--json'], { cwd: state().dir, env: env(c, state().dir), encoding: 'utf8' });
      const targets = (JSON.parse(show.stdout || '{"targets":{}}') as { targets: Record<string, { executor?: string; options?: Record<string, unknown> }> }).targets;
      const ours = (name: string) => targets[name]?.executor === '@nx-quality/plugin:tool';
      expect({
        registeredAfterOurs: ['@nx/eslint/plugin', '@nx/jest/plugin'].filter((name) => plugins.indexOf(name) > plugins.indexOf('@nx-quality/plugin')),
        test: ours('test'),
        lint: ours('lint'),
        qualityTest: targets['quality-test']?.options?.['officialTarget'],
        qualityLint: targets['quality-lint']?.options?.['officialTarget'],
      }).toEqual({ registeredAfterOurs: ['@nx/eslint/plugin', '@nx/jest/plugin'], test: false, lint: false, qualityTest: 'test', qualityLint: 'lint' });
    });
  }

  it('nx run-many -t quality exits 1 on the planted failures, and quality.json lists them', () => {
    const quality = state().quality;
    if (!quality) throw new Error(`${c.id}: quality did not run (nx add failed)`);
    const result = readResult('quality.json', QualityResultSchema);
    expect({ exitCode: quality.code, status: result.status, output: quality.code === 1 ? '' : describeOutput(quality) }).toEqual({ exitCode: 1, status: 'failed', output: '' });
  });

  it("test.json: counts and failures equal Jest's own `--json` run", () => {
    const test = readResult('test.json', TestResultSchema);
    const ref = jestReference(state().dir, LIB_ROOT);
    const m = new Mismatches(c.id);
    m.eq('test.counts', test.counts, ref.counts, 'jest --json');
    m.eq('test.failures', test.failures.map((f) => f.fullName), ref.failedTests.map((f) => [...f.ancestorTitles, f.title].join(' › ')), 'jest --json');
    m.eq('the planted failing test', test.failures.map((f) => f.fullName), [`alpha › ${FAILING_TEST}`], 'the planted test');
    expect(m.list).toEqual([]);
  });

  it("lint.json: counts per rule equal ESLint's own `--format json` run", () => {
    const lint = readResult('lint.json', LintResultSchema);
    const ref = eslintReference(state().dir, LIB_ROOT);
    const m = new Mismatches(c.id);
    m.eq('lint.counts.errors', lint.counts.errors, ref.errors, 'eslint');
    m.eq('lint.counts.warnings', lint.counts.warnings, ref.warnings, 'eslint');
    m.eq('lint.counts.filesLinted', lint.counts.filesLinted, ref.filesLinted, 'eslint');
    m.eq('lint.rules', lint.rules, ref.rules, 'eslint');
    m.eq('the planted no-debugger error', lint.rules['no-debugger']?.errors, 1, 'the planted debugger statement');
    expect(m.list).toEqual([]);
  });
});

// `nx migrate` end to end, in the nx23-npm workspace once its own tests are done: the packages as
// they were installed before 0.2.0 (the plugin from a tarball, its siblings forced in by `overrides`
// pointing at tarballs), then the upgrade to the release that carries the newest migration,
// published beside the current version under the `next` tag (so `nx add` above got the current one).
const MIGRATE_CASE = CASES.find((c) => c.id === 'nx23-npm');
const MIGRATE_FROM = '0.1.0';
const MIGRATE_TO = newestMigrationVersion();

function newestMigrationVersion(): string {
  const migrations = JSON.parse(readFileSync(join(__dirname, '../packages/plugin/migrations.json'), 'utf8')) as { generators: Record<string, { version: string }> };
  const versions = Object.values(migrations.generators).map((m) => m.version.split('.').map(Number));
  versions.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
  return versions[versions.length - 1].join('.');
}

interface Migrated {
  migrate?: CommandResult;
  manifestAfterMigrate?: PackageManifest;
  migrationsFile?: { migrations: { package: string; name: string; version: string }[] };
  runMigrations?: CommandResult;
  manifestAfterRun?: PackageManifest;
  quality?: CommandResult;
  error?: string;
}

interface PackageManifest {
  devDependencies?: Record<string, string>;
  overrides?: Record<string, string>;
}

(MIGRATE_CASE ? describe : describe.skip)(`nx migrate @nx-quality/plugin@${MIGRATE_TO} from a tarball install of ${MIGRATE_FROM} (nx23-npm workspace)`, () => {
  const migrated: Migrated = {};
  let dir: string;

  beforeAll(async () => {
    const c = MIGRATE_CASE!;
    const state = prepared.get(c.id);
    if (!state || state.error || state.add?.code !== 0) {
      migrated.error = `${c.id} was not prepared: ${state?.error ?? 'nx add failed'}`;
      return;
    }
    dir = state.dir;
    const run = (args: string[], check = true) => runCommandAsync(args[0], args.slice(1), { cwd: dir, env: { ...env(c, dir), NX_SKIP_PROVENANCE_CHECK: 'true' }, check });
    try {
      const old = await timePhase(`migrate: pack ${MIGRATE_FROM} and publish ${MIGRATE_TO} (next)`, async () => {
        const next = packAsVersion(MIGRATE_TO, join(root, `tarballs-${MIGRATE_TO}`));
        // The current version is already served when it is the migration's (nx release published it).
        for (const name of MIGRATE_TO === version ? [] : OUR_PACKAGES) {
          await runCommandAsync('npm', ['publish', next[name], '--tag', 'next', `--registry=${registry!.url}`], { cwd: root, env: { NPM_CONFIG_USERCONFIG: registry!.npmrc } });
        }
        return packAsVersion(MIGRATE_FROM, join(root, `tarballs-${MIGRATE_FROM}`));
      });
      const manifestFile = join(dir, 'package.json');
      const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as PackageManifest & Record<string, unknown>;
      manifest.devDependencies = { ...manifest.devDependencies, '@nx-quality/plugin': `file:${old['@nx-quality/plugin']}` };
      manifest.overrides = { '@nx-quality/core': `file:${old['@nx-quality/core']}`, '@nx-quality/eslint-plugin': `file:${old['@nx-quality/eslint-plugin']}` };
      writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
      await timePhase(`migrate: npm install (${MIGRATE_FROM} tarballs)`, () => run(['npm', 'install']));
      migrated.migrate = await timePhase(`migrate: nx migrate @nx-quality/plugin@${MIGRATE_TO}`, () => run([workspaceBin(dir, 'nx'), 'migrate', `@nx-quality/plugin@${MIGRATE_TO}`], false));
      if (migrated.migrate.code !== 0) return;
      migrated.manifestAfterMigrate = JSON.parse(readFileSync(manifestFile, 'utf8')) as PackageManifest;
      if (existsSync(join(dir, 'migrations.json'))) migrated.migrationsFile = JSON.parse(readFileSync(join(dir, 'migrations.json'), 'utf8')) as Migrated['migrationsFile'];
      await timePhase('migrate: npm install (after nx migrate)', () => run(['npm', 'install']));
      migrated.runMigrations = await timePhase('migrate: nx migrate --run-migrations', () => run([workspaceBin(dir, 'nx'), 'migrate', '--run-migrations'], false));
      if (migrated.runMigrations.code !== 0) return;
      migrated.manifestAfterRun = JSON.parse(readFileSync(manifestFile, 'utf8')) as PackageManifest;
      // The next step the migration printed (nx migrate installs by itself only after dependency changes).
      await timePhase('migrate: npm install (the next step)', () => run(['npm', 'install']));
      rmSync(join(dir, 'dist/quality'), { recursive: true, force: true });
      migrated.quality = await timePhase('migrate: nx run-many -t quality', () =>
        run([workspaceBin(dir, 'nx'), 'run-many', '-t', 'quality', '--output-style=static', '--skip-nx-cache'], false),
      );
    } catch (error) {
      migrated.error = error instanceof Error ? error.message : String(error);
    }
  }, 15 * 60 * 1000);

  const done = () => {
    if (migrated.error) throw new Error(migrated.error);
    return migrated;
  };

  it(`nx migrate moves the plugin to ${MIGRATE_TO} and schedules the migrations between the versions`, () => {
    const { migrate, manifestAfterMigrate, migrationsFile } = done();
    expect({
      exitCode: migrate?.code,
      plugin: manifestAfterMigrate?.devDependencies?.['@nx-quality/plugin'],
      migrations: migrationsFile?.migrations.filter((m) => m.package === '@nx-quality/plugin').map((m) => `${m.name}@${m.version}`),
      output: migrate?.code === 0 ? '' : describeOutput(migrate!),
    }).toEqual({ exitCode: 0, plugin: MIGRATE_TO, migrations: [`update-0-2-0-use-registry-versions@0.2.0`], output: '' });
  });

  it('nx migrate --run-migrations removes the tarball overrides, says so and asks for the install, after which the release is installed', () => {
    const { runMigrations, manifestAfterRun } = done();
    const installed = (name: string) => (JSON.parse(readFileSync(join(dir, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
    const output = runMigrations?.stdout ?? '';
    expect({
      exitCode: runMigrations?.code,
      overrides: manifestAfterRun?.overrides,
      plugin: manifestAfterRun?.devDependencies?.['@nx-quality/plugin'],
      said: ['@nx-quality/core', '@nx-quality/eslint-plugin'].map((name) => output.includes(`nx-quality: package.json overrides["${name}"]`)),
      nextStep: output.includes(`Run \`npm install\`: nx-quality ${MIGRATE_TO} replaces the tarballs in node_modules only then.`),
      installedAfterInstall: OUR_PACKAGES.map(installed),
      output: runMigrations?.code === 0 ? '' : describeOutput(runMigrations!),
    }).toEqual({ exitCode: 0, overrides: undefined, plugin: MIGRATE_TO, said: [true, true], nextStep: true, installedAfterInstall: [MIGRATE_TO, MIGRATE_TO, MIGRATE_TO], output: '' });
  });

  it(`nx run-many -t quality runs on ${MIGRATE_TO}: the planted failures fail the gates, test.json equals Jest's own run`, () => {
    const { quality } = done();
    if (!quality) throw new Error('quality did not run (a migrate step failed)');
    const result = QualityResultSchema.parse(JSON.parse(readFileSync(join(dir, RESULTS, 'quality.json'), 'utf8')));
    const test = TestResultSchema.parse(JSON.parse(readFileSync(join(dir, RESULTS, 'test.json'), 'utf8')));
    const ref = jestReference(dir, LIB_ROOT);
    expect({ exitCode: quality.code, status: result.status, counts: test.counts, output: quality.code === 1 ? '' : describeOutput(quality) }).toEqual({
      exitCode: 1,
      status: 'failed',
      counts: ref.counts,
      output: '',
    });
  });
});
