import type { CommandResult } from './run-command';
import { runCommand } from './run-command';

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
 */
export function runWorkflowStep(
  step: WorkflowStep,
  options: { cwd: string; workflowEnv?: Record<string, string | number>; expressions: Record<string, string>; env?: Record<string, string> },
): CommandResult {
  if (!step.run) throw new Error(`workflow step "${step.name ?? step.uses}" has no run script`);
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries({ ...options.workflowEnv, ...step.env })) {
    const text = String(value);
    const expression = /^\$\{\{\s*(.+?)\s*\}\}$/.exec(text)?.[1];
    if (expression === undefined) env[key] = text;
    else if (expression in options.expressions) env[key] = options.expressions[expression]!;
    else throw new Error(`workflow step "${step.name}": no value given for \${{ ${expression} }} (env ${key})`);
  }
  const flags = step.shell === 'bash' ? ['-eo', 'pipefail'] : ['-e'];
  return runCommand('bash', [...flags, '-c', step.run], { cwd: options.cwd, check: false, env: { ...env, ...options.env } });
}
