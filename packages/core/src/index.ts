// The public API of @nx-quality/core, by layer (see ARCHITECTURE.md). Every name is exported by name:
// what the plugin, the tools and the end-to-end test use, and nothing of the internals beneath them.

// Result files and config: zod schemas and their types
export { type InvalidOutput, RESULT_SCHEMA_VERSION, type ResultError, type ResultStatus, type ToolInfo } from './schemas/common';
export { type CoverageThresholds, CoverageThresholdsSchema, type TestCoverage } from './schemas/coverage';
export { type GatesConfig, GatesConfigSchema } from './schemas/gates';
export { type HealthCounts, type HealthFinding, type HealthResult, HealthResultSchema, type TodoCategory, type TodoItem, type UntestedModule } from './schemas/health-result';
export { LINT_PSEUDO_RULES, type LintMessage, type LintResult, LintResultSchema } from './schemas/lint-result';
export { type InputState, type QualityResult, QualityResultSchema } from './schemas/quality-result';
export { type TestCase, type TestCounts, type TestFailure, type TestFileResult, type TestResult, TestResultSchema } from './schemas/test-result';
export { type StrictnessStep, type TypecheckResult, TypecheckResultSchema, type TypeDiagnostic } from './schemas/typecheck-result';
export { zeroHealthCounts } from './schemas/zero-health-counts';

// JSON Schemas generated from the zod schemas
export { renderJsonSchemas } from './json-schemas';

// Errors
export { ConfigLoadError } from './errors/config-load-error';
export { formatZodIssues, InvalidOptionsError } from './errors/invalid-options-error';
export { QualityError } from './errors/quality-error';

// Reading and writing result files
export { fileVersion } from './io/file-version';
export { readResultFile } from './io/read-result-file';
export { readProjectResult, type ProjectResultKind, type ProjectResultOf } from './io/read-project-result';
export { writeFileAtomic, writeJsonAtomic } from './io/write-json-atomic';

// Workspace paths and result locations
export { DEFAULT_RESULTS_DIR, resolveResultsDir, RESULT_FILE_NAMES } from './paths/result-locations';
export { isInsideWorkspace, toWorkspacePath } from './paths/to-workspace-path';

// quality.config.json
export { type LoadedQualityConfig, loadQualityConfig } from './config/load-quality-config';
export { mergeQualityConfigs } from './config/merge-quality-configs';
export { CoverageConfigSchema, DEFAULT_BASELINE_FILE, type HealthConfig, HealthConfigSchema, QUALITY_CONFIG_FILE, type QualityConfig, QualityConfigSchema, qualityConfigShape } from './config/quality-config-schema';
export { resolveProjectConditions, type ResultKind } from './config/resolve-project-conditions';

// Gates: the one evaluation of a project's conditions
export { collectMetrics } from './gates/collect-metrics';
export { DEFAULT_COVERAGE_LINES, defaultGateConditions } from './gates/default-gates';
export { evaluateGates, formatMetricValue } from './gates/evaluate-gates';
export { judgeProject, type JudgeProjectInput, type ProjectJudgement } from './judge/judge-project';
export { unusableResultConditions, type UnusableResult } from './judge/unusable-result-conditions';

// Baseline ratchet
export { BaselineSchema } from './baseline/baseline-schema';
export { updateBaseline } from './baseline/update-baseline';

// Coverage: thresholds, merging, lcov/cobertura/JSON writers
export { checkCoverageThresholds } from './coverage/check-coverage-thresholds';
export { type CoverageCollector, type CoverageFileToRead } from './coverage/collect-coverage';
export { createCoverageCollector } from './coverage/collect-coverage-in-worker';
export { mergeCoverage, toCoverageSummary } from './coverage/merge-coverage';
export { parseCoverageJson } from './coverage/parse-coverage-json';
export { relativizeCoverageMap } from './coverage/relativize-coverage-map';
export { summarizeCoverage } from './coverage/summarize-coverage';
export { mergeCoverageData } from './coverage/merge-coverage-data';

// The workspace report: model, builder, renderers
export { buildReport } from './report/build-report';
export { gateHeadline, OUTDATED_GATES_TEXT, type GateHeadline } from './report/gate-headline';
export { countPhrase } from './report/count-phrase';
export { renderGithubAnnotations } from './report/render-annotations';
export { DEFAULT_MARKDOWN_MAX_BYTES } from './report/render-markdown';
export { renderReportFiles, REPORT_FORMATS } from './report/render-report-files';
export { DEFAULT_SARIF_MAX_RESULTS_PER_RUN } from './report/render-sarif';
export { type BuildReportInput, type ReportProjectInput, type ReportResultInput } from './report/report-inputs';
export { type Report } from './report/report-model';
export { type ReportJson, ReportSchema, type ResultOrigin } from './report/report-schema';
export { writeReportFiles } from './report/write-report-files';

// Text helpers
export { stripAnsi } from './text/strip-ansi';
