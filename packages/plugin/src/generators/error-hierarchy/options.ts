import { z } from 'zod';
import { forceOption, projectOption, skipFormatOption } from '../shared/generator-options';

/** Comma-separated string or array → trimmed, non-empty names (Nx passes `--x=a,b` as one string). */
const nameList = z
  .union([z.string(), z.array(z.string())])
  .transform((value) => (Array.isArray(value) ? value : value.split(',')).map((name) => name.trim()).filter(Boolean));

/** Options of the `error-hierarchy` generator; `schema.json` is generated from this (`npm run schemas`). */
export const optionsSchema = z.strictObject({
  project: projectOption('Project that receives the error module.', 'Which project should get the error hierarchy?'),
  spec: z
    .string()
    .min(1)
    .optional()
    .describe('Error hierarchy spec (.json, .yaml or .yml), workspace-relative or absolute. Overrides --base/--categories.'),
  base: z
    .string()
    .regex(/^[A-Z][A-Za-z0-9]*$/, 'must be a PascalCase class name such as AppError')
    .optional()
    .describe('Name of the base error class when no --spec is given (default AppError).'),
  categories: nameList
    .optional()
    .describe('Category names when no --spec is given, comma-separated (e.g. Authentication,Storage): one subclass of the base each.'),
  directory: z
    .string()
    .min(1)
    .optional()
    .describe('Project-relative folder of the generated module. Default: the spec\'s "directory", else src/lib/errors when src/lib exists, else src/errors.'),
  exportFromEntry: z
    .boolean()
    .default(true)
    .describe("Re-export the error module from the project's entry (src/index.ts) when that file exists."),
  force: forceOption('Overwrite generated files that were edited since (they are never overwritten otherwise).'),
  skipFormat: skipFormatOption('the touched files'),
}).meta({
  title: 'Error hierarchy',
  description:
    'Generates a base error class (code, details, cause, toJSON, optional HTTP status), category and leaf errors, type guards, an index and tests that cover every class, from a JSON/YAML spec or flags.',
});

/** Raw options as Nx passes them. */
export type ErrorHierarchyGeneratorOptions = z.input<typeof optionsSchema>;
/** Options after validation and defaults. */
export type NormalizedErrorHierarchyOptions = z.output<typeof optionsSchema>;
