import { z } from 'zod';
import { defaultCode, withErrorSuffix } from './error-naming';

const className = z
  .string()
  .regex(/^[A-Z][A-Za-z0-9]*$/, 'must be a PascalCase identifier such as TokenExpiredError');
const errorCode = z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'must be UPPER_SNAKE_CASE such as TOKEN_EXPIRED');
const httpStatus = z.number().int().min(100).max(599);

/** One concrete error of a category (a leaf of the hierarchy). */
export const LeafErrorSpecSchema = z.strictObject({
  name: className.describe('Class name; "Error" is appended when missing.'),
  code: errorCode.optional().describe('Stable machine-readable code; default: the name in UPPER_SNAKE_CASE without "Error".'),
  message: z.string().min(1).optional().describe('Default message; default: the name in words.'),
  httpStatus: httpStatus.optional().describe("HTTP status; default: the category's."),
  description: z.string().min(1).optional().describe('Doc comment of the class.'),
});

/** A category: an intermediate class grouping leaves (Authentication, Storage, …). */
export const CategorySpecSchema = z.strictObject({
  name: className.describe('Class name; "Error" is appended when missing.'),
  httpStatus: httpStatus.optional().describe("HTTP status of the category's errors; default: the base's."),
  description: z.string().min(1).optional(),
  errors: z.array(LeafErrorSpecSchema).default([]),
});

/** The whole spec file (`--spec errors.json|yaml`). */
export const ErrorSpecSchema = z
  .strictObject({
    base: z
      .union([
        className,
        z.strictObject({
          name: className,
          httpStatus: httpStatus.optional().describe('HTTP status of errors that set none (e.g. 500).'),
          description: z.string().min(1).optional(),
        }),
      ])
      .default('AppError'),
    directory: z.string().min(1).optional().describe('Project-relative folder of the generated module.'),
    categories: z.array(CategorySpecSchema).min(1, 'needs at least one category'),
  })
  .superRefine((spec, ctx) => {
    const baseName = typeof spec.base === 'string' ? spec.base : spec.base.name;
    const seenNames = new Map<string, string>([[withErrorSuffix(baseName), 'base']]);
    const seenCodes = new Map<string, string>();
    spec.categories.forEach((category, c) => {
      const categoryName = withErrorSuffix(category.name);
      const previous = seenNames.get(categoryName);
      if (previous) ctx.addIssue({ code: 'custom', path: ['categories', c, 'name'], message: `class ${categoryName} is already defined at ${previous}` });
      seenNames.set(categoryName, `categories[${c}]`);
      category.errors.forEach((leaf, e) => {
        const path = `categories[${c}].errors[${e}]`;
        const leafName = withErrorSuffix(leaf.name);
        const clash = seenNames.get(leafName);
        if (clash) ctx.addIssue({ code: 'custom', path: ['categories', c, 'errors', e, 'name'], message: `class ${leafName} is already defined at ${clash}` });
        seenNames.set(leafName, path);
        const code = leaf.code ?? defaultCode(leafName);
        const codeClash = seenCodes.get(code);
        if (codeClash) ctx.addIssue({ code: 'custom', path: ['categories', c, 'errors', e, 'code'], message: `code ${code} is already used at ${codeClash}` });
        seenCodes.set(code, path);
      });
    });
  });

/** An error hierarchy spec as written in the JSON/YAML file. */
export type ErrorSpecInput = z.input<typeof ErrorSpecSchema>;
/** An error hierarchy spec after validation and defaults. */
export type ErrorSpec = z.output<typeof ErrorSpecSchema>;
