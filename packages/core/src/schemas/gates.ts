import { z } from 'zod';

/** Comparison a gate condition requires to hold: `metric op threshold`. */
export const GateOperatorSchema = z.enum(['<', '<=', '=', '>=', '>']);
export type GateOperator = z.infer<typeof GateOperatorSchema>;

/** One gate: what must hold, e.g. `{ metric: 'coverage.lines', op: '>=', threshold: 85 }`. */
export const GateConditionSchema = z.object({
  metric: z.string().min(1).describe('Metric name, e.g. coverage.lines, lint.errors, health.genericCatches'),
  op: GateOperatorSchema,
  threshold: z.number(),
});
export type GateCondition = z.infer<typeof GateConditionSchema>;

/** Gates per scope; later scopes replace conditions on the same metric (defaults < tags < projects). */
export const GatesConfigSchema = z
  .object({
    defaults: z.array(GateConditionSchema).optional().describe('Replace the built-in defaults when given'),
    tags: z.record(z.string(), z.array(GateConditionSchema)).optional().describe('Conditions per project tag'),
    projects: z.record(z.string(), z.array(GateConditionSchema)).optional().describe('Conditions per project name'),
  })
  .strict();
export type GatesConfig = z.infer<typeof GatesConfigSchema>;

/** A condition as evaluated on one project. */
export const EvaluatedConditionSchema = GateConditionSchema.extend({
  source: z.string().describe('default, tag:<tag>, project, or baseline'),
  actual: z.number().nullable().describe('null when the metric is unknown (result missing or errored)'),
  passed: z.boolean(),
  message: z.string().optional().describe('The fixed failure sentence when not passed'),
});
export type EvaluatedCondition = z.infer<typeof EvaluatedConditionSchema>;
