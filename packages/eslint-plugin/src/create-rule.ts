import { ESLintUtils } from '@typescript-eslint/utils';

/** Documentation fields every rule of this plugin declares. */
export interface NxQualityRuleDocs {
  description: string;
  recommended?: boolean;
}

/** Creates a rule whose docs URL points at its page in this package's docs/rules folder. */
export const createRule = ESLintUtils.RuleCreator<NxQualityRuleDocs>(
  (name) => `https://github.com/nx-quality/nx-quality/blob/main/packages/eslint-plugin/docs/rules/${name}.md`,
);
