import { noBareErrorThrow } from './rules/no-bare-error-throw';
import { noGenericCatch } from './rules/no-generic-catch';

/** Every rule of the plugin by its name (without the `@nx-quality/` prefix). */
export const rules = {
  'no-generic-catch': noGenericCatch,
  'no-bare-error-throw': noBareErrorThrow,
};

/** Name of a rule of this plugin. */
export type RuleName = keyof typeof rules;
