import type { RuleTester } from '@typescript-eslint/rule-tester';

/** A rule as the installed RuleTester types it. */
export type TesterRule = Parameters<RuleTester['run']>[1];

/**
 * The published rule-tester can lag one patch behind @typescript-eslint/utils and then carries its own copy,
 * whose `RuleContext` type is nominally different; at runtime both are the same ESLint rule shape.
 * (RuleTester still checks every messageId against the rule's meta at runtime.)
 */
export function forRuleTester(rule: unknown): TesterRule {
  return rule as TesterRule;
}
