import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { timePhase } from './phase-timer';

/**
 * `<parent>/<name>` made by `create` (which must leave it committed to git). With
 * NXQ_E2E_BASE_CACHE set (local iteration only, never in CI), a finished workspace is kept there,
 * one folder per `cacheKey`, and copied instead of made again.
 */
export async function cachedBaseWorkspace(parent: string, name: string, cacheKey: string, label: string, create: (dir: string) => Promise<void>): Promise<string> {
  const dir = join(parent, name);
  const cacheRoot = process.env.NXQ_E2E_BASE_CACHE;
  const cache = cacheRoot && join(cacheRoot, createHash('sha256').update(cacheKey).digest('hex').slice(0, 16));
  if (cache && existsSync(join(cache, 'ready.json')) && readFileSync(join(cache, 'ready.json'), 'utf8') === cacheKey) {
    await timePhase(`${label} (copied from NXQ_E2E_BASE_CACHE)`, () => {
      cpSync(join(cache, name), dir, { recursive: true, verbatimSymlinks: true });
      rmSync(join(dir, '.nx'), { recursive: true, force: true });
    });
    return dir;
  }
  await create(dir);
  if (cache) {
    rmSync(cache, { recursive: true, force: true });
    mkdirSync(cache, { recursive: true });
    cpSync(dir, join(cache, name), { recursive: true, verbatimSymlinks: true });
    writeFileSync(join(cache, 'ready.json'), cacheKey);
  }
  return dir;
}
