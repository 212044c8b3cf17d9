// `@nx-quality/core/test-support`: result files and coverage as the executors write them, for the
// specs of this package and of the plugin. Not built into dist: resolved from source
// (the `@nx-quality/source` export condition, and Jest's moduleNameMapper).
export { fileCoverage, sampleCoverage } from './coverage-data';
export { healthResult, HOSTILE_NAME, lintResult, qualityResult, sampleProjects, testResult, typecheckResult, withQuality } from './sample-inputs';
export { tempDirPerTest } from './temp-dir-per-test';
