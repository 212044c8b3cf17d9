import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { RESULT_SCHEMA_VERSION } from '../schemas/common';

/** What reading a result file found: the parsed value, nothing, or why it is unusable. */
export type ReadResult<T> =
  | { state: 'ok'; value: T }
  | { state: 'missing' }
  | { state: 'invalid'; reason: string };

/** Reads and validates a result file; never throws for a missing, corrupt or foreign-version file. */
export function readResultFile<S extends z.ZodType>(file: string, schema: S): ReadResult<z.infer<S>> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'missing' };
    return { state: 'invalid', reason: `cannot be read: ${(error as Error).message}` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    return { state: 'invalid', reason: `is not valid JSON (${(error as Error).message}); it may be truncated` };
  }
  const version = (json as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version === 'number' && version !== RESULT_SCHEMA_VERSION) {
    return {
      state: 'invalid',
      reason:
        version > RESULT_SCHEMA_VERSION
          ? `has schemaVersion ${version}, newer than this nx-quality understands (${RESULT_SCHEMA_VERSION}); upgrade @nx-quality/plugin`
          : `has schemaVersion ${version}, older than ${RESULT_SCHEMA_VERSION}; re-run the target to regenerate it`,
    };
  }
  // A process checks a handful of files per schema: compiling zod's fast path for each costs more than it saves.
  const parsed = schema.safeParse(json, { jitless: true });
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first ? first.path.join('.') || '(root)' : '(root)';
    return { state: 'invalid', reason: `does not match its schema at ${where}: ${first?.message ?? 'invalid'}` };
  }
  return { state: 'ok', value: parsed.data };
}
