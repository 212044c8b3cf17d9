import { z } from 'zod';
import { HealthResultSchema } from './schemas/health-result';
import { LintResultSchema } from './schemas/lint-result';
import { QualityResultSchema } from './schemas/quality-result';
import { TestResultSchema } from './schemas/test-result';
import { TypecheckResultSchema } from './schemas/typecheck-result';
import { GatesConfigSchema } from './schemas/gates';
import { QualityConfigSchema } from './config/quality-config-schema';
import { ReportSchema } from './report/report-schema';
import { BaselineSchema } from './baseline/baseline-schema';

/** Every schema published as a JSON Schema file under `packages/core/schemas/`, by file name. */
export const PUBLISHED_SCHEMAS: Record<string, z.ZodType> = {
  'test-result.schema.json': TestResultSchema,
  'lint-result.schema.json': LintResultSchema,
  'typecheck-result.schema.json': TypecheckResultSchema,
  'health-result.schema.json': HealthResultSchema,
  'quality-result.schema.json': QualityResultSchema,
  'gates-config.schema.json': GatesConfigSchema,
  'quality-config.schema.json': QualityConfigSchema,
  'report.schema.json': ReportSchema,
  'baseline.schema.json': BaselineSchema,
};

/** Renders the JSON Schema files' exact contents (the drift test compares these with the checked-in files). */
export function renderJsonSchemas(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [file, schema] of Object.entries(PUBLISHED_SCHEMAS)) {
    const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'output' });
    out[file] = `${JSON.stringify({ $id: `https://nx-quality.dev/schemas/${file}`, ...json }, null, 2)}\n`;
  }
  return out;
}
