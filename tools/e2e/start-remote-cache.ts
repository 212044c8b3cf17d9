import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RemoteCacheRequest } from '../remote-cache/remote-cache-server';

/** The remote cache server running in a child process, with the requests it has answered so far. */
export interface RemoteCacheProcess {
  url: string;
  /** Every request answered so far, in order (read from the server's request log). */
  requests(): RemoteCacheRequest[];
  stop(): Promise<void>;
}

/**
 * Starts tools/remote-cache/serve.ts in its own process: the e2e drives Nx with spawnSync, which
 * blocks this process's event loop, so a server inside it could never answer Nx.
 */
export async function startRemoteCache(options: { storageDir: string; logFile: string; token: string }): Promise<RemoteCacheProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', join(__dirname, '../remote-cache/serve.ts'), '--storage', options.storageDir, '--token', options.token, '--log', options.logFile],
    { cwd: join(__dirname, '..', '..'), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n')[0];
      if (out.includes('\n')) resolve((JSON.parse(line!) as { url: string }).url);
    });
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`the remote cache server exited (${code}) before it listened\n${err}`)));
  });
  return {
    url,
    requests: () =>
      existsSync(options.logFile)
        ? readFileSync(options.logFile, 'utf8')
            .split('\n')
            .filter(Boolean)
            .map((line) => JSON.parse(line) as RemoteCacheRequest)
        : [],
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
