import { spawn } from 'node:child_process';
import { describeOutput, workspaceEnv, type CommandResult, type RunCommandOptions } from './run-command';

/**
 * {@link runCommand} without blocking the event loop, so independent workspaces (one per package
 * manager) can be prepared side by side: their time goes mostly to package downloads.
 */
export function runCommandAsync(command: string, args: string[], options: RunCommandOptions): Promise<CommandResult> {
  const started = Date.now();
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd: options.cwd, env: workspaceEnv(options.env), stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdin.end(options.input ?? '');
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 15 * 60 * 1000);
    child.once('error', (error) => (stderr += `\n${error.message}`));
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      const result: CommandResult = {
        command: [command, ...args].join(' '),
        cwd: options.cwd,
        code: code ?? (signal ? 128 : 1),
        stdout,
        stderr,
        durationMs: Date.now() - started,
      };
      if ((options.check ?? true) && result.code !== 0) {
        fail(new Error(`command failed (exit ${result.code}): ${result.command}\n  in ${result.cwd}\n${describeOutput(result)}`));
      } else done(result);
    });
  });
}
