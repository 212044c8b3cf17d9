import type { ProjectReport } from './report-schema';

/** A report section listing each project that has a note of one kind (`note` undefined: not listed). */
export interface ProjectNoteSection {
  /** The HTML section's id. */
  id: string;
  title: string;
  note: (project: ProjectReport) => string | undefined;
}

/**
 * The per-project note sections report.md and index.html both show: the official test targets a
 * project's test result holds together, those it leaves out, and lint results whose official command
 * could not be carried.
 */
export const PROJECT_NOTE_SECTIONS: readonly ProjectNoteSection[] = [
  { id: 'tests-together', title: 'Tests of several official targets, together', note: (p) => p.tests?.targets?.join(', ') },
  { id: 'tests-not-run', title: 'Test targets whose tests are not in the results', note: (p) => p.tests?.notRun?.join(', ') },
  { id: 'lint-not-carried', title: 'Lint not as the official target lints', note: (p) => p.lint?.notCarried },
];
