import { DEFAULT_RESULTS_DIR, InvalidOptionsError, qualityConfigShape } from '@nx-quality/core';
import { z } from 'zod';
import { healthOptionsSchema } from '../health/health-options';

const targetName = (fallback: string) =>
  z
    .string()
    .regex(/^[^:\s]+$/, 'must be a target name without spaces or ":"')
    .default(fallback);

/** Workspace-relative results folder template; `{projectRoot}` keeps projects apart. */
export const resultsDirSchema = z
  .string()
  .transform((value) => value.replace(/^\{workspaceRoot\}\/?/, '').replace(/\/+$/, ''))
  .refine((value) => value.includes('{projectRoot}'), 'must contain {projectRoot} so projects do not overwrite each other')
  .refine((value) => !value.startsWith('/') && !/^[A-Za-z]:/.test(value), 'must be relative to the workspace root')
  .refine((value) => !value.split('/').includes('..'), 'must stay inside the workspace (no "..")');

/** Options of `@nx-quality/plugin` in nx.json `plugins`; the gates/coverage/health keys are those of quality.config.json. */
export const pluginOptionsSchema = z
  .object({
    testTargetName: targetName('test').describe('Name of the inferred test target'),
    lintTargetName: targetName('lint').describe('Name of the inferred lint target'),
    typecheckTargetName: targetName('typecheck').describe('Name of the inferred typecheck target'),
    healthTargetName: targetName('health').describe('Name of the inferred health target'),
    qualityTargetName: targetName('quality').describe('Name of the inferred quality target'),
    resultsDir: resultsDirSchema.default(DEFAULT_RESULTS_DIR).describe('Results folder template, relative to the workspace root'),
    reportAfterRun: z.boolean().default(true).describe('Write the workspace report after every run that includes quality tasks'),
    ...qualityConfigShape,
    // Checked here too, so a bad health option fails at graph time naming its key, not in every quality task.
    health: qualityConfigShape.health.superRefine((health, ctx) => {
      if (health === undefined || health === false) return;
      const parsed = healthOptionsSchema.safeParse(health);
      if (!parsed.success) for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, path: issue.path } as z.core.$ZodRawIssue);
    }),
  })
  .strict();

/** Plugin options as written in nx.json. */
export type PluginOptions = z.input<typeof pluginOptionsSchema>;
/** Plugin options with defaults applied. */
export type NormalizedPluginOptions = z.output<typeof pluginOptionsSchema>;

/** Validates the plugin options from nx.json; the error lists every bad key. */
export function normalizePluginOptions(raw: unknown): NormalizedPluginOptions {
  const parsed = pluginOptionsSchema.safeParse(raw ?? {});
  if (!parsed.success) throw InvalidOptionsError.fromZod('@nx-quality/plugin (nx.json "plugins" options)', parsed.error);
  return parsed.data;
}
