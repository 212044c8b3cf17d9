import { CoverageConfigSchema, GatesConfigSchema, HealthConfigSchema } from '@nx-quality/core';
import { z } from 'zod';
import { resultsDirOption } from '../../shared/results-dir-option';

/** The tool results a quality target can evaluate. */
export const QUALITY_TOOLS = ['test', 'lint', 'typecheck'] as const;
/** One tool result a quality target can evaluate. */
export type QualityTool = (typeof QUALITY_TOOLS)[number];

/** Options of the `quality` executor; `schema.json` is generated from this (`npm run schemas`). */
export const optionsSchema = z
  .strictObject({
    resultsDir: resultsDirOption('Workspace-relative folder of the results read and written (same as the test/lint/typecheck targets); {projectRoot} is substituted.'),
    tools: z
      .array(z.enum(QUALITY_TOOLS))
      .default([...QUALITY_TOOLS])
      .describe('Tool results this project has (its test/lint/typecheck targets). The built-in gates of the others are dropped; a listed result that is missing fails its gates.'),
    gates: GatesConfigSchema.optional().describe('Gate conditions (defaults, per tag, per project), layered over quality.config.json'),
    coverage: CoverageConfigSchema.optional().describe('Coverage threshold of the built-in coverage.lines gate, layered over quality.config.json'),
    health: HealthConfigSchema.optional().describe('Health options layered over quality.config.json (validated here, used by the health target), or false when the project has no health target'),
  })
  .meta({ title: 'Quality', description: 'Options of @nx-quality/plugin:quality' });

/** Options as written in project.json / nx.json. */
export type QualityExecutorOptions = z.input<typeof optionsSchema>;
/** Options after defaults. */
export type NormalizedQualityOptions = z.output<typeof optionsSchema>;
