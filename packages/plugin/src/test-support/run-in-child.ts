import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { BATCH_WORKER_ENV } from '../executors/shared/run-batch-in-workers';
import { GATES_JUDGE_ENV } from '../verdict/gates-judge';

const REPO_ROOT = join(__dirname, '../../../..');

/**
 * What tells our code which Nx task it runs in. When the suite itself runs as a task of ours (this
 * repository tests itself through its own targets), the spec process has them; a child stands for
 * a fresh process and gets only what the spec passes. Nor does a task process Nx forks have the
 * NODE_ENV Jest sets for its own run.
 */
const OWN_TASK_ENV = new Set([BATCH_WORKER_ENV, 'NX_TASK_HASH', GATES_JUDGE_ENV, 'NODE_ENV']);

/**
 * Calls `exportName(...args)` from a TypeScript source module in a fresh Node process (through
 * tsx, with workspace packages resolved to their sources) and returns its JSON-serialised result.
 * Real tool runs happen there, not inside Jest's module sandbox, where ESLint's and Jest's own
 * dynamic imports and module registries do not work.
 */
export function runInChild<T>(
  modulePath: string,
  exportName: string,
  args: unknown[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; nodeArgs?: string[] } = {},
): Promise<{ value: T; stdout: string; stderr: string }> {
  const script = `
    const mod = require(${JSON.stringify(modulePath)});
    Promise.resolve(mod[${JSON.stringify(exportName)}](...${JSON.stringify(args)}))
      .then((value) => { process.stdout.write('\\n@@RESULT@@' + JSON.stringify(value === undefined ? null : value)); })
      .catch((error) => { process.stdout.write('\\n@@THROWN@@' + JSON.stringify({ name: error && error.name, message: String(error && error.message || error), code: error && error.code })); });
  `;
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--conditions=@nx-quality/source', '--import', 'tsx', ...(options.nodeArgs ?? []), '-e', script],
      {
        cwd: options.cwd ?? REPO_ROOT,
        env: { ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !OWN_TASK_ENV.has(name))), FORCE_COLOR: '0', NX_DAEMON: 'false', NX_NO_CLOUD: 'true', ...options.env },
        maxBuffer: 256 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const resultAt = stdout.lastIndexOf('\n@@RESULT@@');
        const thrownAt = stdout.lastIndexOf('\n@@THROWN@@');
        if (resultAt >= 0) {
          resolve({ value: JSON.parse(stdout.slice(resultAt + 11)) as T, stdout: stdout.slice(0, resultAt), stderr });
        } else if (thrownAt >= 0) {
          const thrown = JSON.parse(stdout.slice(thrownAt + 11)) as { name: string; message: string; code?: string };
          reject(Object.assign(new Error(thrown.message), thrown, { stdout: stdout.slice(0, thrownAt), stderr }));
        } else {
          reject(new Error(`child process ended without a result (${error?.message ?? 'no error'})\n${stdout}\n${stderr}`));
        }
      },
    );
  });
}
