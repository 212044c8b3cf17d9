import { DEFAULT_RESULTS_DIR, InvalidOptionsError, qualityConfigShape } from '@nx-quality/core';
import { z } from 'zod';
import { healthOptionsSchema } from '../health/health-options';

const targetName = (fallback: string) =>
  z
    .string()
    .regex(/^[^:\s]+$/, 'must be a target name without spaces or ":"')
    .default(fallback);

const MATCHED_FILES = {
  test: "the project's Jest config file (its Vitest config for a Vitest project, its package.json for a `node --test` project)",
  lint: "the project's project.json/package.json and the ESLint configs (flat or eslintrc) at and above its root (one of each must pass, as with @nx/eslint/plugin)",
  typecheck: "the project's tsconfig.json",
} as const;

/**
 * Which projects get our target of one kind when no official plugin entry of that kind is
 * registered. Same semantics and files as an official entry's own `include`/`exclude`, so
 * `init --replaceOfficial` can carry an entry's lists over unchanged.
 */
const filePatterns = (kind: keyof typeof MATCHED_FILES, list: 'include' | 'exclude') =>
  z
    .array(z.string().min(1))
    .optional()
    .describe(
      `Workspace-relative globs (minimatch with dot: true; "!" patterns read in order, as Nx reads a plugin entry's ${list}) matched against ${MATCHED_FILES[kind]}: a project gets the ${kind} target only when ${list === 'include' ? 'one matches' : 'none matches'}. Used when no official ${kind} plugin entry is registered; otherwise the official entries' own include/exclude decide.`,
    );

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
    strict: z
      .boolean()
      .default(false)
      .describe(
        "Tool targets fail on failing tests, lint errors or type errors even inside a run of the quality target (Nx then skips that project's quality task). Default: only when run without the quality target; inside a quality run they succeed whenever the tool produced a result, and the gates judge.",
      ),
    testInclude: filePatterns('test', 'include'),
    testExclude: filePatterns('test', 'exclude'),
    lintInclude: filePatterns('lint', 'include'),
    lintExclude: filePatterns('lint', 'exclude'),
    typecheckInclude: filePatterns('typecheck', 'include'),
    typecheckExclude: filePatterns('typecheck', 'exclude'),
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

/**
 * The plugin options as the task hooks read them: undefined when they are invalid, since the
 * project graph already fails on them with the message that names each bad key.
 */
export function pluginOptionsOrUndefined(raw: unknown): NormalizedPluginOptions | undefined {
  const parsed = pluginOptionsSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : undefined;
}
