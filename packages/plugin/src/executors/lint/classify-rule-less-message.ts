import { LINT_PSEUDO_RULES } from '@nx-quality/core';
import type { EslintMessage } from './eslint-api';

// ESLint marks unused directives only by their text ("Unused eslint-disable directive (no problems
// were reported from 'no-console').", "Unused eslint-enable directive …"), the same in 9 and 10.
const UNUSED_DIRECTIVE = /^Unused eslint-(disable|enable) directive/;

/** The rule id a message is counted under: its own, or a pseudo rule for parse errors and unused directives. */
export function ruleIdOf(message: EslintMessage): string {
  if (message.ruleId) return message.ruleId;
  if (message.fatal) return LINT_PSEUDO_RULES.parseError;
  if (UNUSED_DIRECTIVE.test(message.message)) return LINT_PSEUDO_RULES.unusedDisableDirective;
  return LINT_PSEUDO_RULES.other;
}
