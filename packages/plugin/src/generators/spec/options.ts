import { z } from 'zod';
import { forceOption, projectOption, skipFormatOption } from '../shared/generator-options';

/** Options of the `spec` generator; `schema.json` is generated from this (`npm run schemas`). */
export const optionsSchema = z.strictObject({
  project: projectOption('Project that holds the module.', 'Which project holds the module?'),
  file: z
    .string()
    .regex(/\.[cm]?tsx?$/, 'must be a TypeScript module such as src/lib/foo.ts')
    .refine((value) => !/\.(spec|test)\.[cm]?tsx?$/.test(value), 'is already a spec file; pass the module it tests')
    .describe('The module to stub a spec for, relative to the project root (or to the workspace root).')
    .meta({ 'x-prompt': 'Which module (e.g. src/lib/foo.ts)?', 'x-priority': 'important' }),
  location: z
    .enum(['auto', 'beside', 'unit-folder'])
    .default('auto')
    .describe("Where the spec goes: 'beside' the module, in the project's 'unit-folder' (tests/unit, mirroring src/), or 'auto' (the unit folder when it exists)."),
  unitFolder: z
    .string()
    .regex(/^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*$/, 'must be a project-relative folder such as tests/unit')
    .refine((value) => !value.split('/').includes('..'), 'must stay inside the project')
    .default('tests/unit')
    .describe('Project-relative unit test folder used by --location=unit-folder or auto.'),
  force: forceOption('Overwrite an existing spec at the target path (refused otherwise).'),
  skipFormat: skipFormatOption('the new spec'),
}).meta({
  title: 'Spec stubs',
  description:
    'Creates a spec for an untested module: one describe per runtime export found by the TypeScript compiler, with it.todo stubs (reported as todo, never as passed).',
});

/** Raw options as Nx passes them. */
export type SpecGeneratorOptions = z.input<typeof optionsSchema>;
/** Options after validation and defaults. */
export type NormalizedSpecOptions = z.output<typeof optionsSchema>;
