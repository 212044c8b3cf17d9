import { z } from 'zod';
import { listCapOption } from '../../shared/list-cap-option';
import { resultsDirOption } from '../../shared/results-dir-option';
import { taskEnvironmentOptionsShape } from '../../shared/task-environment-options';

/** Options of the `lint` executor; `schema.json` is generated from this (`npm run schemas`). */
export const optionsSchema = z
  .strictObject({
    ...taskEnvironmentOptionsShape,
    lintFilePatterns: z
      .array(z.string().min(1))
      .min(1)
      .optional()
      .describe('Files, folders or globs to lint, relative to the workspace root; {projectRoot} is substituted. Default: the project root.'),
    eslintConfig: z
      .string()
      .min(1)
      .optional()
      .describe(
        'Workspace-relative ESLint config file. Default: the nearest eslint.config.{js,mjs,cjs,ts,mts,cts} from the project root up to the workspace root, else the eslintrc cascade from the project root (.eslintrc.{js,cjs,yaml,yml,json}, ESLint 8.57 or 9). ESLINT_USE_FLAT_CONFIG=true|false decides the system when set; an explicit .eslintrc.* is applied like `eslint --config`.',
      ),
    fix: z.boolean().default(false).describe('Apply ESLint fixes to the files on disk; the result records what is left.'),
    // No default here: beside an official target, its limit applies unless this is given.
    maxWarnings: z
      .number()
      .int()
      .min(-1)
      .optional()
      .describe(
        "Most warnings allowed before the target fails; -1 means no limit. Default: beside an official ESLint target, its own limit (@nx/eslint:lint's maxWarnings unless its quiet or force is set, a command's --max-warnings), else -1.",
      ),
    cache: z.boolean().default(false).describe("Use ESLint's cache so unchanged files are not linted again."),
    cacheLocation: z
      .string()
      .min(1)
      .optional()
      .describe('Workspace-relative ESLint cache file. Default: node_modules/.cache/nx-quality/eslint/{projectName}.eslintcache.'),
    cacheStrategy: z.enum(['metadata', 'content']).default('metadata').describe("How ESLint's cache detects changed files."),
    // No default here: Nx would write it into every task's options, and an official target's value could not apply.
    errorOnUnmatchedPattern: z
      .boolean()
      .optional()
      .describe(
        'Record an error (status "error") when a lint file pattern matches no files. Default: true; beside an official @nx/eslint:lint target, as that target does it: an error only when no file at all is linted (unless its own errorOnUnmatchedPattern is false).',
      ),
    messagesCap: listCapOption(500, 'messages listed in lint.json (errors first)'),
    resultsDir: resultsDirOption('Workspace-relative folder of lint.json; {projectRoot} and {projectName} are substituted.'),
  })
  .meta({ title: 'Lint', description: 'Options of @nx-quality/plugin:lint' });

/** Options as written in project.json / nx.json. */
export type LintExecutorOptions = z.input<typeof optionsSchema>;
/** Options after defaults. */
export type ParsedLintOptions = z.output<typeof optionsSchema>;
