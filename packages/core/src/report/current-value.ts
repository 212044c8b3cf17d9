import type { ReportResultInput } from './report-inputs';

/**
 * The value of a result the report may show as this run's or as the labelled last known one: not a
 * missing, unreadable or stale result (a stale file was left by an earlier run, so its findings
 * would be reported as current).
 */
export function currentValue<T>(input: Pick<ReportResultInput<T>, 'origin' | 'value'> | undefined): T | undefined {
  if (!input || input.origin === 'missing' || input.origin === 'invalid' || input.origin === 'stale') return undefined;
  return input.value;
}
