import { z } from 'zod';
import { resultsDirOption } from '../../shared/results-dir-option';
import { healthOptionsSchema } from '../../health/health-options';

type HealthShape = (typeof healthOptionsSchema)['in']['shape'];
type WithoutDefaults<S extends HealthShape> = {
  [K in keyof S]: S[K] extends z.ZodDefault<infer Inner> ? z.ZodOptional<Inner> : S[K];
};

// Nx fills schema.json defaults into the options, so a default here would always override
// quality.config.json's health block: the health defaults are applied after the layering instead.
function withoutDefaults(shape: HealthShape): WithoutDefaults<HealthShape> {
  const entries = Object.entries(shape).map(([key, schema]) => {
    const bare = schema instanceof z.ZodDefault ? (schema.removeDefault() as z.ZodType).optional() : schema;
    return [key, schema.description ? bare.describe(schema.description) : bare];
  });
  return Object.fromEntries(entries) as WithoutDefaults<HealthShape>;
}

/** The health analysis option keys a health target may set (layered over quality.config.json's `health`). */
export const HEALTH_OPTION_KEYS = Object.keys(healthOptionsSchema.in.shape) as (keyof HealthShape)[];

/** Options of the `health` executor; `schema.json` is generated from this (`npm run schemas`). */
export const optionsSchema = z
  .strictObject({
    resultsDir: resultsDirOption('Workspace-relative folder of health.json; {projectRoot} is substituted.'),
    ...withoutDefaults(healthOptionsSchema.in.shape),
  })
  .meta({ title: 'Health', description: 'Options of @nx-quality/plugin:health' });

/** Options as written in project.json / nx.json. */
export type HealthExecutorOptions = z.input<typeof optionsSchema>;
/** Options after the resultsDir default; the health keys stay as given (defaults come after layering). */
export type NormalizedHealthExecutorOptions = z.output<typeof optionsSchema>;
