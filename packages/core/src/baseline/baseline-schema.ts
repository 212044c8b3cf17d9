import { z } from 'zod';

/** Version of the baseline file format. */
export const BASELINE_SCHEMA_VERSION = 1;

/** Which way a metric improves: `higher` (coverage) or `lower` (errors, counts of problems). */
export const MetricDirectionSchema = z.enum(['higher', 'lower']);
export type MetricDirection = z.infer<typeof MetricDirectionSchema>;

/** The committed baseline (`quality-baseline.json`): per-project metric values no run may get worse than. */
export const BaselineSchema = z.object({
  schemaVersion: z.literal(BASELINE_SCHEMA_VERSION),
  directions: z.record(z.string(), MetricDirectionSchema).describe('Which way each metric improves'),
  projects: z
    .record(z.string(), z.record(z.string(), z.number()))
    .describe('Metric values per project name, e.g. { "my-lib": { "lint.errors": 22 } }'),
});
export type Baseline = z.infer<typeof BaselineSchema>;

/** How one metric moved against the baseline. */
export const MetricDeltaSchema = z.object({
  metric: z.string(),
  baseline: z.number(),
  current: z.number(),
  change: z.number(),
  direction: MetricDirectionSchema,
  trend: z.enum(['better', 'worse', 'same']),
  text: z.string().describe('e.g. "lint.errors 241 → 22"'),
});
export type MetricDelta = z.infer<typeof MetricDeltaSchema>;
