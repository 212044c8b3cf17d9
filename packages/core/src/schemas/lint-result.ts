import { z } from 'zod';
import { resultHeaderShape } from './common';

/** Rule-less ESLint messages are counted under these names. */
export const LINT_PSEUDO_RULES = {
  parseError: '(parse-error)',
  unusedDisableDirective: '(unused-disable-directive)',
  other: '(no-rule)',
} as const;

/** One ESLint message with a workspace-relative location. */
export const LintMessageSchema = z.object({
  file: z.string(),
  line: z.number().int().nonnegative(),
  column: z.number().int().nonnegative(),
  endLine: z.number().int().nonnegative().optional(),
  endColumn: z.number().int().nonnegative().optional(),
  ruleId: z.string().describe('Rule id, or a pseudo rule such as (parse-error)'),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
  fixable: z.boolean(),
});
export type LintMessage = z.infer<typeof LintMessageSchema>;

/** Error and warning counts of one rule. */
export const RuleCountSchema = z.object({
  errors: z.number().int().nonnegative(),
  warnings: z.number().int().nonnegative(),
});
export type RuleCount = z.infer<typeof RuleCountSchema>;

/** Result of the `lint` executor (`lint.json`). */
export const LintResultSchema = z.object({
  kind: z.literal('lint'),
  ...resultHeaderShape,
  counts: z.object({
    errors: z.number().int().nonnegative(),
    warnings: z.number().int().nonnegative(),
    fixableErrors: z.number().int().nonnegative(),
    fixableWarnings: z.number().int().nonnegative(),
    fatal: z.number().int().nonnegative().describe('Parse errors and other fatal messages (included in errors)'),
    filesLinted: z.number().int().nonnegative(),
    filesWithProblems: z.number().int().nonnegative(),
  }),
  rules: z.record(z.string(), RuleCountSchema).describe('Counts per rule id (pseudo rules for rule-less messages)'),
  messages: z.array(LintMessageSchema).describe('Capped list, errors first; counts stay exact'),
  messagesOmitted: z.number().int().nonnegative(),
  maxWarnings: z.number().int().optional(),
  fixed: z.boolean().describe('Whether --fix wrote changes to disk'),
  config: z.string().optional().describe('Workspace-relative ESLint config file used'),
  officialTargetNotCarried: z
    .string()
    .optional()
    .describe('Set when the official lint target runs ESLint in a way nx-quality cannot reproduce: why, and that the project was linted with its ESLint config instead'),
  failureReasons: z
    .array(z.string())
    .optional()
    .describe('Why the status is failed, one sentence each (e.g. "12 ESLint warnings exceed maxWarnings 10 (project app)")'),
});
export type LintResult = z.infer<typeof LintResultSchema>;
