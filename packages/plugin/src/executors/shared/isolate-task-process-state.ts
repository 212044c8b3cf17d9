/**
 * Gives a task of a batch the process state a forked task would start with: `env` (when given)
 * replaces the environment, and the returned function restores the environment, working
 * directory and `process.exitCode` as they were, so what one project's config, global setup or
 * tests change there does not reach the next project.
 */
export function isolateTaskProcessState(env?: NodeJS.ProcessEnv): () => void {
  const savedEnv = { ...process.env };
  const savedCwd = process.cwd();
  const savedExitCode = process.exitCode;
  if (env) replaceEnv(env);
  return () => {
    replaceEnv(savedEnv);
    if (process.cwd() !== savedCwd) process.chdir(savedCwd);
    process.exitCode = savedExitCode;
  };
}

/** Replaces the contents of `process.env` in place (code holding a reference to it sees the change). */
function replaceEnv(env: NodeJS.ProcessEnv): void {
  for (const key of Object.keys(process.env)) {
    if (!(key in env)) delete process.env[key];
  }
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined) process.env[key] = value;
  }
}
