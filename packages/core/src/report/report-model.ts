import type { LintResult } from '../schemas/lint-result';
import type { TestResult } from '../schemas/test-result';
import type { TypecheckResult } from '../schemas/typecheck-result';
import type { ReportResultInput } from './report-inputs';
import type { ReportJson } from './report-schema';

/**
 * Every finding of one project that junit.xml, quality.sarif and the GitHub annotations list: not
 * capped like the report's lists, so they are part of the model but not of report.json (the result
 * files already hold them, and a workspace's messages would multiply report.json's size).
 */
export interface ProjectFindings {
  project: string;
  /** Workspace-relative project.json/package.json, the location of gate annotations. */
  projectFile?: string;
  /** How the test result was found (a stale, missing or unreadable one is a JUnit error case) and, when current, its run. */
  test?: Pick<ReportResultInput<TestResult>, 'origin' | 'file' | 'reason' | 'taskStatus'> & {
    run?: Pick<TestResult, 'status' | 'error' | 'counts' | 'durationMs' | 'files' | 'failures'>;
  };
  /** The current lint result's messages (errors first, as lint.json caps them). */
  lint?: Pick<LintResult, 'status' | 'tool' | 'messages' | 'messagesOmitted'>;
  /** The current typecheck result's diagnostics. */
  typecheck?: Pick<TypecheckResult, 'status' | 'tool' | 'diagnostics' | 'diagnosticsOmitted'>;
}

/** The report model every renderer reads: report.json's content and every project's findings. */
export type Report = ReportJson & { findings: ProjectFindings[] };
