import type { Baseline } from '../baseline/baseline-schema';
import type { HealthResult } from '../schemas/health-result';
import type { LintResult } from '../schemas/lint-result';
import type { QualityResult } from '../schemas/quality-result';
import type { TestResult } from '../schemas/test-result';
import type { TypecheckResult } from '../schemas/typecheck-result';
import type { CoverageSummary } from '../schemas/coverage';
import type { InvalidOutput } from '../schemas/common';
import type { ResultOrigin } from './report-schema';

/** One result as the caller found it: where it came from and, when valid, its value. */
export interface ReportResultInput<T> {
  origin: ResultOrigin;
  file?: string;
  value?: T;
  reason?: string;
  taskStatus?: string;
  /** No file at the result's location (as opposed to one that could not be read). */
  nothingOnDisk?: boolean;
}

/** One project with the results found for it; kinds without a target are left out. */
export interface ReportProjectInput {
  name: string;
  root: string;
  tags?: string[];
  /** Workspace-relative project.json/package.json, used as the location of gate annotations. */
  projectFile?: string;
  results: {
    test?: ReportResultInput<TestResult>;
    lint?: ReportResultInput<LintResult>;
    typecheck?: ReportResultInput<TypecheckResult>;
    health?: ReportResultInput<HealthResult>;
    quality?: ReportResultInput<QualityResult>;
  };
}

/** Everything `buildReport` needs; reading files and the project graph is the caller's job. */
export interface BuildReportInput {
  generatedAt: string;
  producer: 'executor' | 'hook';
  projects: ReportProjectInput[];
  baseline?: { file: string; state: 'ok' | 'missing' | 'invalid' | 'disabled'; value?: Baseline; reason?: string };
  mergedCoverage?: CoverageSummary | null;
  invalidOutputs?: InvalidOutput[];
  problems?: string[];
  invocation?: { projectsRun: string[]; targets: string[] };
  /** Caps of the lists in the report (top gaps, failures per project, rules per project). */
  limits?: Partial<ReportLimits>;
}

/** How many entries the report's lists keep. */
export interface ReportLimits {
  gaps: number;
  failuresPerProject: number;
  rulesPerProject: number;
  /** Lint errors and type errors listed per project (file:line). */
  locationsPerProject: number;
}

/** Default list sizes. */
export const DEFAULT_REPORT_LIMITS: ReportLimits = { gaps: 10, failuresPerProject: 20, rulesPerProject: 10, locationsPerProject: 10 };
