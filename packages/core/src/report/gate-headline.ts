import type { Report } from './report-model';

/** The report's one-line verdict on the gates, as the Markdown report and the printed summary state it. */
export function gateHeadline(totals: Report['totals']): { outcome: 'failed' | 'passed' | 'none'; text: string } {
  if (totals.gatesFailed > 0) return { outcome: 'failed', text: `${totals.gatesFailed} of ${totals.projects} projects fail their gates` };
  if (totals.gatesPassed === 0) return { outcome: 'none', text: "no project's gates were evaluated (the quality target evaluates them)" };
  if (totals.gatesPassed === 1) return { outcome: 'passed', text: 'the 1 evaluated project passes its gates' };
  return { outcome: 'passed', text: `all ${totals.gatesPassed} evaluated projects pass their gates` };
}
