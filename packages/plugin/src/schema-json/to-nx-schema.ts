import { z } from 'zod';
import { tolerateNxValidation } from './tolerate-nx-validation';

/**
 * Renders an executor's or generator's zod options schema as the `schema.json` Nx reads: its title,
 * description and Nx-only top-level keys (e.g. `cli`) come from the schema's `.meta()`.
 * The zod schema is the single source of truth; this output is checked in and drift-tested. An
 * executor's is rendered for Nx to sort values by kind only (`tolerateNxValidation`): the executor
 * validates with zod, per task.
 */
export function toNxSchema(schema: z.ZodType, options: { forExecutor?: boolean } = {}): string {
  const { title, description, ...extra } = schema.meta() ?? {};
  const strict = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  const json = options.forExecutor ? tolerateNxValidation(strict) : strict;
  for (const key of ['$schema', 'title', 'description', ...Object.keys(extra)]) delete json[key];
  const ordered = {
    $schema: 'https://json-schema.org/schema',
    version: 2,
    title,
    description,
    ...extra,
    ...json,
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}
