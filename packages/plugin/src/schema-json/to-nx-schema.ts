import { z } from 'zod';
import { tolerateNxValidation } from './tolerate-nx-validation';

/** Title and description an options module publishes beside its zod schema. */
export interface SchemaMeta {
  title: string;
  description: string;
  /** Nx-only top-level keys (e.g. `outputCapture` for executors). */
  extra?: Record<string, unknown>;
}

/**
 * Renders an executor's or generator's zod options schema as the `schema.json` Nx reads.
 * The zod schema is the single source of truth; this output is checked in and drift-tested. An
 * executor's is rendered for Nx to sort values by kind only (`tolerateNxValidation`): the executor
 * validates with zod, per task.
 */
export function toNxSchema(schema: z.ZodType, meta: SchemaMeta, options: { forExecutor?: boolean } = {}): string {
  const strict = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  const json = options.forExecutor ? tolerateNxValidation(strict) : strict;
  delete json['$schema'];
  const ordered = {
    $schema: 'https://json-schema.org/schema',
    version: 2,
    title: meta.title,
    description: meta.description,
    ...meta.extra,
    ...json,
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}
