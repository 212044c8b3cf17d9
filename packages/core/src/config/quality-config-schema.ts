import { z } from 'zod';
import { GatesConfigSchema } from '../schemas/gates';

/** File name of the workspace quality config, at the workspace root. */
export const QUALITY_CONFIG_FILE = 'quality.config.json';

/** Default workspace-relative path of the committed baseline. */
export const DEFAULT_BASELINE_FILE = 'quality-baseline.json';

/** Default coverage thresholds in percent (used by the built-in `coverage.lines` gate). */
export const CoverageConfigSchema = z
  .object({
    lines: z.number().min(0).max(100).optional().describe('Minimum line coverage of the built-in gate (default 80)'),
  })
  .strict();
export type CoverageConfig = z.infer<typeof CoverageConfigSchema>;

/**
 * Health thresholds: `false` turns the health analysis off; an object is passed through here and
 * validated by the plugin's health options schema (core does not know the analyzer's options).
 */
export const HealthConfigSchema = z.union([
  z.literal(false),
  z.record(z.string(), z.unknown()).describe('Health analysis options (validated by @nx-quality/plugin)'),
]);
export type HealthConfig = z.infer<typeof HealthConfigSchema>;

/** Workspace report options, validated by the quality-report executor's options schema. */
export const ReportConfigSchema = z.record(z.string(), z.unknown()).describe('Options of the quality-report executor and the after-run report');
export type ReportConfig = z.infer<typeof ReportConfigSchema>;

/** Keys shared by `quality.config.json` and the `@nx-quality/plugin` options in nx.json. */
export const qualityConfigShape = {
  gates: GatesConfigSchema.optional().describe('Gate conditions: defaults, per tag, per project'),
  coverage: CoverageConfigSchema.optional(),
  health: HealthConfigSchema.optional(),
  baseline: z.string().min(1).optional().describe(`Workspace-relative baseline file (default ${DEFAULT_BASELINE_FILE})`),
  report: ReportConfigSchema.optional(),
};

/** `quality.config.json` at the workspace root (every key optional; unknown keys are errors). */
export const QualityConfigSchema = z
  .object({
    $schema: z.string().optional(),
    ...qualityConfigShape,
  })
  .strict();
export type QualityConfig = z.infer<typeof QualityConfigSchema>;
