import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** Outcome of one command run by the e2e harness. */
export interface CommandResult {
  command: string;
  cwd: string;
  code: number;
  stdout: string;
  stderr: string;
  durationMs: number;
}

/** Options of {@link runCommand}. */
export interface RunCommandOptions {
  cwd: string;
  env?: Record<string, string | undefined>;
  /** Throw when the exit code is not 0 (default true). */
  check?: boolean;
  timeoutMs?: number;
  input?: string;
}

/**
 * Environment every command in a generated workspace runs with: no daemon (nothing left running),
 * no Nx Cloud, no colours (output is parsed and shown in assertion messages), and none of this
 * repository's Jest variables leaking into the child Jest runs.
 */
export function workspaceEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) {
    if (key.startsWith('JEST_') || key === 'NODE_OPTIONS' || key.startsWith('npm_')) delete env[key];
  }
  delete env.NODE_ENV;
  Object.assign(env, {
    NX_DAEMON: 'false',
    NX_NO_CLOUD: 'true',
    NX_SKIP_NX_CACHE: undefined,
    NX_TUI: 'false',
    NX_INTERACTIVE: 'false',
    FORCE_COLOR: '0',
    NO_COLOR: '1',
    CI: 'true',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    npm_config_update_notifier: 'false',
  });
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

/** Runs a command synchronously (the e2e steps are sequential by nature) and captures its output. */
export function runCommand(command: string, args: string[], options: RunCommandOptions): CommandResult {
  const started = Date.now();
  const child = spawnSync(command, args, {
    cwd: options.cwd,
    env: workspaceEnv(options.env),
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    timeout: options.timeoutMs ?? 15 * 60 * 1000,
    input: options.input,
  });
  const result: CommandResult = {
    command: [command, ...args].join(' '),
    cwd: options.cwd,
    code: child.status ?? (child.signal ? 128 : 1),
    stdout: child.stdout ?? '',
    stderr: (child.stderr ?? '') + (child.error ? `\n${child.error.message}` : ''),
    durationMs: Date.now() - started,
  };
  if ((options.check ?? true) && result.code !== 0) {
    throw new Error(`command failed (exit ${result.code}): ${result.command}\n  in ${result.cwd}\n${describeOutput(result)}`);
  }
  return result;
}

/** The tail of a command's output, for assertion and error messages. */
export function describeOutput(result: CommandResult, maxChars = 6000): string {
  const text = `--- stdout ---\n${result.stdout}\n--- stderr ---\n${result.stderr}`;
  return text.length > maxChars ? `…${text.slice(-maxChars)}` : text;
}

/** A workspace's own installed CLI (node_modules/.bin), skipping npx's start-up cost. */
export function workspaceBin(workspace: string, name: string): string {
  return join(workspace, 'node_modules', '.bin', name);
}
