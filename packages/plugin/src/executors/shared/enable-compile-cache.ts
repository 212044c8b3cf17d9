import * as nodeModule from 'node:module';

/** The part of `node:module` used here: `enableCompileCache` and its status codes exist from Node 22.1. */
interface CompileCacheApi {
  enableCompileCache?: () => { status: number; message?: string };
  constants?: { compileCacheStatus?: { ENABLED: number; ALREADY_ENABLED: number } };
}

/**
 * Turns on Node's on-disk compile cache for this process, so a batch worker loads Jest, TypeScript
 * and ESLint from cached bytecode instead of compiling them again: every worker starts from nothing,
 * and compiling those modules is a large part of its first task. `tsc`, ESLint's CLI and Nx's own
 * processes do the same; the task processes Nx forks for executors do not. Node keeps the cache under
 * the OS temp directory, checked against each file's contents, and honours
 * `NODE_DISABLE_COMPILE_CACHE=1` and `NODE_COMPILE_CACHE=<dir>`; `NX_COMPILE_CACHE=false`, Nx's
 * opt-out, turns it off here too. Returns whether it is on; a cache directory Node cannot create
 * only loses the speed-up (Node reports that as a status, not an error).
 */
export function enableCompileCache(env: NodeJS.ProcessEnv = process.env, api: CompileCacheApi = nodeModule as CompileCacheApi): boolean {
  if (env['NX_COMPILE_CACHE'] === 'false' || env['NODE_DISABLE_COMPILE_CACHE']) return false;
  if (typeof api.enableCompileCache !== 'function') return false;
  const { status } = api.enableCompileCache();
  const on = api.constants?.compileCacheStatus;
  return on !== undefined && (status === on.ENABLED || status === on.ALREADY_ENABLED);
}
