import { z } from 'zod';
import { RESULT_SCHEMA_VERSION } from './common';
import { EvaluatedConditionSchema } from './gates';

/** State of one input result as the quality target (or the report) found it. */
export const InputStateSchema = z.enum(['ok', 'missing', 'invalid', 'error', 'disabled']);
export type InputState = z.infer<typeof InputStateSchema>;

/** Result of the `quality` executor (`quality.json`). */
export const QualityResultSchema = z.object({
  kind: z.literal('quality'),
  schemaVersion: z.literal(RESULT_SCHEMA_VERSION),
  project: z.string(),
  projectRoot: z.string(),
  status: z.enum(['passed', 'failed']),
  evaluatedAt: z.string(),
  taskHash: z.string().optional().describe('Nx hash of the quality task that wrote it (NX_TASK_HASH)'),
  inputs: z.record(
    z.string(),
    z.object({
      state: InputStateSchema,
      file: z.string(),
      detail: z.string().optional(),
      startedAt: z.string().optional().describe('startedAt of the result it judged: the report tells from it whether the file on disk is still that result'),
    }),
  ).describe('test, lint, typecheck, health: where each was read and in which state'),
  metrics: z.record(z.string(), z.number()),
  conditions: z.array(EvaluatedConditionSchema),
  violations: z.array(z.string()).describe('One fixed sentence per failing condition'),
});
export type QualityResult = z.infer<typeof QualityResultSchema>;
