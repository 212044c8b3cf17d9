import type { z } from 'zod';
import { QualityError } from './quality-error';

/** Executor or generator options that do not match their schema; lists every bad option by path. */
export class InvalidOptionsError extends QualityError {
  readonly issues: { path: string; message: string }[];

  constructor(subject: string, issues: { path: string; message: string }[]) {
    const lines = issues.map((issue) => `  - ${issue.path || '(options)'}: ${issue.message}`);
    super('INVALID_OPTIONS', `Invalid options for ${subject}:\n${lines.join('\n')}`, {
      hint: `Correct the listed options in the target's "options" (project.json, nx.json targetDefaults or plugin options).`,
    });
    this.issues = issues;
  }

  /** Builds the error from a failed zod parse. */
  static fromZod(subject: string, error: z.ZodError): InvalidOptionsError {
    return new InvalidOptionsError(subject, formatZodIssues(error));
  }
}

/** Turns zod issues into `{ path, message }` pairs with dotted paths (`coverageThreshold.lines`). */
export function formatZodIssues(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((segment) => (typeof segment === 'number' ? `[${segment}]` : String(segment))).join('.').replace(/\.\[/g, '['),
    message: issue.message,
  }));
}
