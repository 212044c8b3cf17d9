import { spawn } from 'node:child_process';
import { workspaceEnv, type CommandResult } from './run-command';

/** A step of a GitHub Actions job, as the workflow file has it. */
export interface WorkflowStep {
  name?: string;
  run?: string;
  shell?: string;
  if?: string;
  uses?: string;
  env?: Record<string, string | number>;
}

/**
 * Runs a workflow step's `run` script locally, in bash as GitHub Actions does (`-e`; `-o pipefail`
 * for `shell: bash`), with the workflow's and the step's `env`. Values that are `${{ … }}`
 * expressions are taken from `expressions` (what GitHub would substitute, e.g. the matrix shard or a
 * secret); an expression without a value fails, so no step runs with a literal `${{ … }}`.
 * Asynchronous, so that the steps of parallel jobs (the shards) can run at the same time.
 */
export function runWorkflowStep(
  step: WorkflowStep,
  options: { cwd: string; workflowEnv?: Record<string, string | number>; expressions: Record<string, string>; env?: Record<string, string> },
): Promise<CommandResult> {
  if (!step.run) throw new Error(`workflow step "${step.name ?? step.uses}" has no run script`);
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries({ ...options.workflowEnv, ...step.env })) {
    const text = String(value);
    const expression = /^\$\{\{\s*(.+?)\s*\}\}$/.exec(text)?.[1];
    if (expression === undefined) env[key] = text;
    else if (expression in options.expressions) env[key] = options.expressions[expression]!;
    else throw new Error(`workflow step "${step.name}": no value given for \${{ ${expression} }} (env ${key})`);
  }
  const args = [...(step.shell === 'bash' ? ['-eo', 'pipefail'] : ['-e']), '-c', step.run];
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn('bash', args, { cwd: options.cwd, env: workspaceEnv({ ...env, ...options.env }) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', (error) => (stderr += `\n${error.message}`));
    child.once('close', (code, signal) =>
      resolve({ command: `bash ${args.join(' ')}`, cwd: options.cwd, code: code ?? (signal ? 128 : 1), stdout, stderr, durationMs: Date.now() - started }),
    );
  });
}
