import { z } from 'zod';

/** Covered/total of one coverage dimension, as istanbul's summary reports it. */
export const CoverageMetricSchema = z.object({
  total: z.number().int().nonnegative(),
  covered: z.number().int().nonnegative(),
  skipped: z.number().int().nonnegative(),
  pct: z.number().min(0).max(100).describe('Percentage as istanbul computes it (100 when total is 0)'),
});
export type CoverageMetric = z.infer<typeof CoverageMetricSchema>;

/** The four istanbul dimensions. */
export const CoverageSummarySchema = z.object({
  lines: CoverageMetricSchema,
  statements: CoverageMetricSchema,
  functions: CoverageMetricSchema,
  branches: CoverageMetricSchema,
});
export type CoverageSummary = z.infer<typeof CoverageSummarySchema>;

/** Coverage thresholds in percent; absent dimensions are not checked. */
export const CoverageThresholdsSchema = z.object({
  lines: z.number().min(0).max(100).optional(),
  statements: z.number().min(0).max(100).optional(),
  functions: z.number().min(0).max(100).optional(),
  branches: z.number().min(0).max(100).optional(),
});
export type CoverageThresholds = z.infer<typeof CoverageThresholdsSchema>;

/** Coverage recorded by the test executor. */
export const TestCoverageSchema = z.object({
  totals: CoverageSummarySchema,
  files: z
    .array(CoverageSummarySchema.extend({ file: z.string().describe('Workspace-relative POSIX path') }))
    .describe('Per-file summary, sorted by file'),
  coverageFile: z
    .string()
    .describe('Workspace-relative path of the istanbul coverage-final.json (keys are workspace-relative)'),
  thresholds: CoverageThresholdsSchema.optional(),
  thresholdViolations: z.array(z.string()).describe('One sentence per unmet threshold'),
});
export type TestCoverage = z.infer<typeof TestCoverageSchema>;
