import { z } from 'zod';
import { skipFormatOption } from '../shared/generator-options';

/** Options of the `init` generator (`nx add @nx-quality/plugin` runs it); `schema.json` is generated from this. */
export const optionsSchema = z
  .strictObject({
    replaceOfficial: z
      .boolean()
      .default(false)
      .describe(
        "Remove @nx/jest/plugin and @nx/eslint/plugin and turn off the typecheck target of @nx/js/typescript, so the test/lint/typecheck targets are ours: their target names and include/exclude lists become our testTargetName/testInclude/testExclude (lint…, typecheck…), so the same projects keep a target of the same name. Refuses, writing nothing, what cannot be carried over (e.g. @nx/jest/plugin's ciTargetName, entries with different target names, target defaults our executors do not take). Without it, our targets are named quality-test/quality-lint/quality-typecheck wherever an official plugin already infers that name.",
      ),
    reportTargetName: z
      .string()
      .regex(/^[^:\s]+$/, 'must be a target name without spaces or ":"')
      .default('quality-report')
      .describe("Name of the workspace report target added to the workspace's root project."),
    skipPackageJson: z.boolean().default(false).describe('Do not add @nx-quality/plugin to devDependencies.'),
    keepExistingVersions: z
      .boolean()
      .default(true)
      .describe('Keep versions of packages already in package.json (nx add passes this).'),
    skipFormat: skipFormatOption('the changed files'),
  })
  .meta({ title: 'Init', description: 'Options of @nx-quality/plugin:init', cli: 'nx' });

/** Options as given on the command line. */
export type InitGeneratorOptions = z.input<typeof optionsSchema>;
/** Options after defaults. */
export type NormalizedInitOptions = z.output<typeof optionsSchema>;
