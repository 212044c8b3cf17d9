import { z } from 'zod';
import { forceOption, projectOption, skipFormatOption } from '../shared/generator-options';

/** The kinds of the `kinds` layout, in the order they are listed and run. */
export const STANDARD_KINDS = ['unit', 'integration', 'e2e', 'security', 'performance'] as const;
/** The folders of the `layered` layout (one per architectural layer). */
export const LAYERED_KINDS = ['api', 'services', 'middleware', 'database', 'core'] as const;

const kindName = z.string().regex(/^[a-z][a-z0-9-]*$/, 'must be a lower-case folder name such as integration');

/** Options of the `test-suite` generator; `schema.json` is generated from this (`npm run schemas`). */
export const optionsSchema = z.strictObject({
  project: projectOption('Project (with a Jest config) to scaffold the test suite in.', 'Which project should get the test suite?'),
  kinds: z
    .union([z.string(), z.array(z.string())])
    .transform((value) => (Array.isArray(value) ? value : value.split(',')).map((kind) => kind.trim()).filter(Boolean))
    .pipe(z.array(kindName).min(1, 'needs at least one kind'))
    .optional()
    .describe('Test kinds, comma-separated or an array (default unit,integration,e2e). Known: unit, integration, e2e, security, performance; other names get a generic example.'),
  layout: z
    .enum(['kinds', 'layered'])
    .default('kinds')
    .describe("'kinds': one folder per test kind; 'layered': one per layer (api, services, middleware, database, core)."),
  directory: z
    .string()
    .regex(/^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*$/, 'must be a project-relative folder such as tests')
    .refine((value) => !value.split('/').includes('..'), 'must stay inside the project')
    .default('tests')
    .describe('Project-relative folder that holds one sub-folder per kind.'),
  entry: z
    .string()
    .min(1)
    .optional()
    .describe('Project-relative module the example specs test. Default: src/index.ts when it exists (apps without one get file-based examples).'),
  examples: z.boolean().default(true).describe('Add one example spec per new kind folder.'),
  force: forceOption('Regenerate example specs even in kind folders that already have files.'),
  skipFormat: skipFormatOption('the touched files'),
}).meta({
  title: 'Test suite',
  description:
    "Scaffolds tests/<kind> folders (unit, integration, e2e, security, performance, or a layered layout), one Jest project per kind in the project's Jest config, example specs, tsconfig includes and test-kind tags.",
});

/** Raw options as Nx passes them. */
export type TestSuiteGeneratorOptions = z.input<typeof optionsSchema>;
/** Options after validation and defaults. */
export type NormalizedTestSuiteOptions = z.output<typeof optionsSchema>;
