import { z } from 'zod';

/** Version of every result file format; bump when a result changes incompatibly. */
export const RESULT_SCHEMA_VERSION = 1;

/** Outcome of one tool run: `error` means the tool could not run (bad config, crash). */
export const ResultStatusSchema = z.enum(['passed', 'failed', 'error']);
export type ResultStatus = z.infer<typeof ResultStatusSchema>;

/** Why a tool could not produce a result, with the file involved and how to fix it. */
export const ResultErrorSchema = z.object({
  code: z.string().describe('Stable machine-readable code, e.g. JEST_CONFIG_LOAD_FAILED'),
  message: z.string(),
  file: z.string().optional().describe('Workspace-relative file the error is about'),
  hint: z.string().optional().describe('How to fix it'),
});
export type ResultError = z.infer<typeof ResultErrorSchema>;

/** Name and version of the tool that produced a result. */
export const ToolInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
});
export type ToolInfo = z.infer<typeof ToolInfoSchema>;

/** Fields every per-project result file carries. */
export const resultHeaderShape = {
  schemaVersion: z.literal(RESULT_SCHEMA_VERSION),
  project: z.string().describe('Nx project name'),
  projectRoot: z.string().describe('Workspace-relative POSIX project root ("." for the root project)'),
  status: ResultStatusSchema,
  startedAt: z.string().describe('ISO 8601 time the run started'),
  durationMs: z.number().nonnegative(),
  taskHash: z
    .string()
    .optional()
    .describe("Nx hash of the task that wrote it (NX_TASK_HASH): tells a result this run restored from the cache from one an earlier run left behind"),
  tool: ToolInfoSchema,
  error: ResultErrorSchema.optional(),
};

/** A position in a workspace-relative file (1-based line and column). */
export const SourceLocationSchema = z.object({
  file: z.string(),
  line: z.number().int().nonnegative().optional(),
  column: z.number().int().nonnegative().optional(),
  endLine: z.number().int().nonnegative().optional(),
  endColumn: z.number().int().nonnegative().optional(),
});
export type SourceLocation = z.infer<typeof SourceLocationSchema>;

/** A declared output that could not be used (e.g. it points outside the workspace). */
export const InvalidOutputSchema = z.object({
  project: z.string(),
  target: z.string(),
  output: z.string(),
  reason: z.string(),
});
export type InvalidOutput = z.infer<typeof InvalidOutputSchema>;
