import { z } from 'zod';
import { resultHeaderShape } from './common';

/** One TypeScript diagnostic with a workspace-relative location when it has a file. */
export const TypeDiagnosticSchema = z.object({
  code: z.string().describe('e.g. TS2322'),
  category: z.enum(['error', 'warning', 'suggestion', 'message']),
  message: z.string().describe('Flattened message chain'),
  file: z.string().optional(),
  line: z.number().int().positive().optional(),
  column: z.number().int().positive().optional(),
  tsconfig: z.string().describe('Workspace-relative tsconfig whose program reported it'),
});
export type TypeDiagnostic = z.infer<typeof TypeDiagnosticSchema>;

/** Extra errors one stricter compiler flag would add (the strictness ladder). */
export const StrictnessStepSchema = z.object({
  flag: z.string(),
  additionalErrors: z.number().int().nonnegative(),
  codes: z.record(z.string(), z.number().int().nonnegative()),
  alsoEnabled: z
    .array(z.string())
    .optional()
    .describe('Flags TypeScript requires with this one, turned on for the measurement too (their errors are included)'),
});
export type StrictnessStep = z.infer<typeof StrictnessStepSchema>;

/** Result of the `typecheck` executor (`typecheck.json`). */
export const TypecheckResultSchema = z.object({
  kind: z.literal('typecheck'),
  ...resultHeaderShape,
  tsconfig: z.string().describe('Workspace-relative entry tsconfig'),
  configs: z.array(z.string()).describe('Every tsconfig checked, references followed as tsc -b does'),
  counts: z.object({
    errors: z.number().int().nonnegative(),
    warnings: z.number().int().nonnegative(),
    filesChecked: z.number().int().nonnegative(),
  }),
  codes: z.record(z.string(), z.number().int().nonnegative()).describe('Error count per TS code'),
  diagnostics: z.array(TypeDiagnosticSchema).describe('Capped list; counts stay exact'),
  diagnosticsOmitted: z.number().int().nonnegative(),
  strictness: z.array(StrictnessStepSchema).optional(),
});
export type TypecheckResult = z.infer<typeof TypecheckResultSchema>;
