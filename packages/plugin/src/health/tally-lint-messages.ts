import type { HealthFinding } from '@nx-quality/core';
import { HEALTH_RULE_KINDS, TODO_RULE_ID, type LintCounts } from './health-rule-kinds';
import type { HealthLintMessage } from './run-health-eslint';

/** Counts and findings that come from the ESLint run. */
export interface LintTally {
  counts: LintCounts;
  findings: HealthFinding[];
  /** The no-warning-comments messages, to be read and categorised. */
  todoMessages: HealthLintMessage[];
  /** Project-relative files ESLint could not parse. */
  unparsableFiles: Set<string>;
}

/**
 * Maps each health-config message to its finding kind and count. Messages of rules the health config
 * does not run (a project's disable comments naming its own plugins) are not health findings and are
 * dropped; fatal messages are parse errors, one per file.
 */
export function tallyLintMessages(messages: HealthLintMessage[], toWorkspacePath: (projectFile: string) => string): LintTally {
  const tally: LintTally = {
    counts: {
      genericCatches: 0,
      bareThrows: 0,
      explicitAny: 0,
      longFiles: 0,
      longFunctions: 0,
      complexFunctions: 0,
      assertionFreeTests: 0,
      skippedTests: 0,
      focusedTests: 0,
      parseErrors: 0,
    },
    findings: [],
    todoMessages: [],
    unparsableFiles: new Set(),
  };
  for (const message of messages) {
    const location = { file: toWorkspacePath(message.file), line: message.line, column: message.column };
    if (message.fatal) {
      if (tally.unparsableFiles.has(message.file)) continue;
      tally.unparsableFiles.add(message.file);
      tally.counts.parseErrors += 1;
      tally.findings.push({ kind: 'parseError', ...location, message: message.message });
      continue;
    }
    if (message.ruleId === TODO_RULE_ID) {
      tally.todoMessages.push(message);
      continue;
    }
    const mapping = message.ruleId ? HEALTH_RULE_KINDS[message.ruleId] : undefined;
    if (!mapping || !message.ruleId) continue;
    tally.counts[mapping.count] += 1;
    tally.findings.push({ kind: mapping.kind, ...location, ruleId: message.ruleId, message: message.message });
  }
  return tally;
}
