import type { Report } from './report-model';

/** What the report says of the projects whose gates judged results a tool has since replaced. */
export const OUTDATED_GATES_TEXT = 'gates not evaluated on the current results (a tool ran again without the quality target)';

/** The report's verdict on the gates, as the Markdown report and the printed summary state it. */
export interface GateHeadline {
  outcome: 'failed' | 'passed' | 'none';
  /** The one-line verdict. */
  text: string;
  /** ` (N not evaluated)` after the verdict, or empty. */
  notEvaluated: string;
  /** The projects whose gates were not evaluated on their current results (each has a `gate.reason`), in report order. */
  outdated: string[];
}

export function gateHeadline(report: Pick<Report, 'totals' | 'projects'>): GateHeadline {
  const { totals } = report;
  const rest = {
    notEvaluated: totals.gatesNotEvaluated ? ` (${totals.gatesNotEvaluated} not evaluated)` : '',
    outdated: report.projects.filter((project) => project.gate.reason).map((project) => project.name),
  };
  if (totals.gatesFailed > 0) return { outcome: 'failed', text: `${totals.gatesFailed} of ${totals.projects} projects fail their gates`, ...rest };
  if (totals.gatesPassed === 0) return { outcome: 'none', text: "no project's gates were evaluated (the quality target evaluates them)", ...rest };
  if (totals.gatesPassed === 1) return { outcome: 'passed', text: 'the 1 evaluated project passes its gates', ...rest };
  return { outcome: 'passed', text: `all ${totals.gatesPassed} evaluated projects pass their gates`, ...rest };
}
