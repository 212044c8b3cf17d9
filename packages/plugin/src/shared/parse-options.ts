import { InvalidOptionsError } from '@nx-quality/core';
import type { z } from 'zod';

/** Validates raw executor/generator options with their zod schema; throws one error listing every bad option. */
export function parseOptions<S extends z.ZodType>(schema: S, raw: unknown, subject: string): z.output<S> {
  // Options are checked once per task: compiling zod's fast path for the schema costs more than it saves.
  const parsed = schema.safeParse(raw ?? {}, { jitless: true });
  if (!parsed.success) throw InvalidOptionsError.fromZod(subject, parsed.error);
  return parsed.data;
}
