/**
 * Set by the plugin's `preTasksExecution` hook for every run: `true` when the command runs the
 * quality target (and the plugin option `strict` is off), `false` otherwise. Tool targets declare it
 * as an input, so a task that succeeded because the gates judge is never replayed from the cache
 * for a plain `nx run x:test`, where failing tests must fail the task.
 */
export const GATES_JUDGE_ENV = 'NX_QUALITY_GATES_JUDGE';

/** Whether this task runs inside a quality run, where the gates (not the tool targets) decide the exit code. */
export function gatesJudgeThisRun(env: NodeJS.ProcessEnv = process.env): boolean {
  return env[GATES_JUDGE_ENV] === 'true';
}

/**
 * Whether a tool task whose result has `status` succeeds. Run on its own, it succeeds only when the
 * tool passed, as the official targets do. Inside a quality run it succeeds whenever the tool
 * produced a result (a failing or erroring one included): the project's quality task then runs,
 * records the failure as a gate violation, and the run's verdict fails the command.
 */
export function toolTaskSucceeds(status: 'passed' | 'failed' | 'error', env: NodeJS.ProcessEnv = process.env): boolean {
  return status === 'passed' || gatesJudgeThisRun(env);
}
