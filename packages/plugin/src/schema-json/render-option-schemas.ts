import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { toNxSchema } from './to-nx-schema';

/** Shape every `options.ts` of an executor or generator folder exports (title and description in its `.meta()`). */
export interface OptionsModule {
  optionsSchema: z.ZodType;
}

/**
 * Finds every `{executors,generators}/<name>/options.(ts|js)` under `baseDir` and renders its
 * `schema.json`, keyed by the path relative to `baseDir` (e.g. `executors/run-tests/schema.json`).
 */
export function renderOptionSchemas(baseDir: string, load: (file: string) => OptionsModule): Record<string, string> {
  const out: Record<string, string> = {};
  for (const group of ['executors', 'generators']) {
    const groupDir = join(baseDir, group);
    if (!existsSync(groupDir)) continue;
    for (const name of readdirSync(groupDir).sort()) {
      const candidates = ['options.ts', 'options.js'].map((file) => join(groupDir, name, file));
      const file = candidates.find((candidate) => existsSync(candidate) && !candidate.endsWith('.d.ts'));
      if (!file) continue;
      const module = load(file);
      out[`${group}/${name}/schema.json`] = toNxSchema(module.optionsSchema, { forExecutor: group === 'executors' });
    }
  }
  return out;
}
