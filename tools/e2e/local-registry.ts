// A throwaway npm registry for the end-to-end tests: Verdaccio on a loopback port with its own storage
// folder, serving the @nx-quality/* packages published into it and proxying every other package to
// the npm registry this machine's npm uses. One per test run; stop() ends it and deletes its storage.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { describeOutput, runCommand } from './run-command';

const REPO_ROOT = resolve(__dirname, '..', '..');

/** The scope served from the local registry only (never proxied, so a published copy can never leak in). */
export const LOCAL_SCOPE = '@nx-quality';

/** A running local registry. */
export interface LocalRegistry {
  /** `http://127.x.y.z:<port>/` */
  url: string;
  port: number;
  /** Folder holding the config, storage and log. */
  root: string;
  /** An npm user config with a token for this registry (Verdaccio lets anyone publish the scope here). */
  npmrc: string;
  /** Verdaccio's own log (shown when it fails to start). */
  logFile: string;
  stop(): Promise<void>;
}

/** Error when Verdaccio does not answer its ping in time; its log tail says why. */
export class LocalRegistryStartError extends Error {
  readonly code = 'LOCAL_REGISTRY_DID_NOT_START';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'LocalRegistryStartError';
  }
}

/**
 * A loopback address of this run's own (127.x.y.z; the whole 127/8 is loopback). Yarn keys its
 * package metadata cache by registry host without the port, so on 127.0.0.1 a later run would install
 * an earlier run's packument, tarball URL and all.
 */
function loopbackHost(): string {
  const octet = () => 1 + Math.floor(Math.random() * 254);
  return `127.${octet()}.${octet()}.${octet()}`;
}

/** A free port on `host`, asked of the OS. */
async function freePort(host: string): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, host, () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port assigned'))));
    });
  });
}

/** The npm registry this machine's npm is configured with (Verdaccio's uplink). */
function upstreamRegistry(): string {
  const configured = runCommand('npm', ['config', 'get', 'registry'], { cwd: REPO_ROOT, check: false }).stdout.trim();
  return /^https?:\/\//.test(configured) ? configured.replace(/\/?$/, '/') : 'https://registry.npmjs.org/';
}

function verdaccioConfig(storage: string, upstream: string): string {
  // YAML written by hand: every value is a path or URL we made, quoted.
  return [
    `storage: ${JSON.stringify(storage)}`,
    'auth:',
    '  htpasswd:',
    `    file: ${JSON.stringify(join(storage, '..', 'htpasswd'))}`,
    '    max_users: -1',
    'uplinks:',
    '  upstream:',
    `    url: ${JSON.stringify(upstream)}`,
    '    timeout: 60s',
    '    maxage: 30m',
    'packages:',
    `  '${LOCAL_SCOPE}/*':`,
    '    access: $all',
    '    publish: $all',
    '    unpublish: $all',
    "  '**':",
    '    access: $all',
    '    publish: $authenticated',
    '    proxy: upstream',
    'server:',
    '  keepAliveTimeout: 60',
    'log:',
    '  type: stdout',
    '  format: json',
    '  level: warn',
    '',
  ].join('\n');
}

async function waitForPing(url: string, child: ChildProcess, logFile: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      const response = await fetch(`${url}-/ping`);
      if (response.ok) return;
      lastError = new Error(`HTTP ${response.status}`);
    } catch (error) {
      lastError = error;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const log = readFileSync(logFile, 'utf8').slice(-4000);
  throw new LocalRegistryStartError(
    `Verdaccio did not answer ${url}-/ping within ${timeoutMs / 1000}s${child.exitCode !== null ? ` (it exited with ${child.exitCode})` : ''}; its log (${logFile}) ends:\n${log}\nCheck that node_modules/verdaccio is installed (npm ci) and the port is free.`,
    { cause: lastError },
  );
}

/** Starts Verdaccio (this repository's devDependency) in `root`; resolves once it answers. */
export async function startLocalRegistry(root: string): Promise<LocalRegistry> {
  mkdirSync(join(root, 'storage'), { recursive: true });
  const host = loopbackHost();
  const port = await freePort(host);
  const url = `http://${host}:${port}/`;
  const configFile = join(root, 'config.yaml');
  writeFileSync(configFile, verdaccioConfig(join(root, 'storage'), upstreamRegistry()));
  const logFile = join(root, 'verdaccio.log');
  const log = openSync(logFile, 'a');
  const child = spawn(process.execPath, [join(REPO_ROOT, 'node_modules/verdaccio/bin/verdaccio'), '--config', configFile, '--listen', `${host}:${port}`], {
    cwd: root,
    stdio: ['ignore', log, log],
    env: { ...process.env, NODE_OPTIONS: undefined },
  });
  closeSync(log);
  // A crashed test process must not leave the registry running.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const npmrc = join(root, 'npmrc');
  // Verdaccio takes any token as an anonymous user, who may publish the scope (config above); npm
  // itself refuses to publish without one.
  writeFileSync(npmrc, `//${host}:${port}/:_authToken=local-e2e-token\n`);

  const stop = async () => {
    process.removeListener('exit', killOnExit);
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((done) => child.once('exit', () => done()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(join(root, 'storage'), { recursive: true, force: true });
  };
  try {
    await waitForPing(url, child, logFile, 30_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, port, root, npmrc, logFile, stop };
}

/**
 * Publishes this repository's packages (built) to the registry the way a release does:
 * `nx release publish` (the nx-release-publish targets, `npm publish` of each package folder).
 * Returns the version published.
 */
export function publishPackages(registry: LocalRegistry, nxCacheDir: string): string {
  const result = runCommand(
    join(REPO_ROOT, 'node_modules/.bin/nx'),
    ['release', 'publish', `--registry=${registry.url}`, '--first-release', '--output-style=static'],
    { cwd: REPO_ROOT, check: false, env: { NPM_CONFIG_USERCONFIG: registry.npmrc, NX_CACHE_DIRECTORY: nxCacheDir } },
  );
  const version = (JSON.parse(readFileSync(join(REPO_ROOT, 'packages/plugin/package.json'), 'utf8')) as { version: string }).version;
  if (result.code !== 0) throw new Error(`nx release publish to ${registry.url} failed\n${describeOutput(result)}`);
  return version;
}

/** The versions of a package the registry serves (its own packument, as npm reads it). */
export async function publishedVersions(registry: LocalRegistry, name: string): Promise<string[]> {
  const response = await fetch(`${registry.url}${name.replace('/', '%2f')}`);
  if (!response.ok) return [];
  return Object.keys(((await response.json()) as { versions?: Record<string, unknown> }).versions ?? {});
}
