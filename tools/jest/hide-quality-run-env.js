// Jest globalSetup of this repository's own packages. Run by `nx run-many -t quality` over this
// repository, the test task inherits NX_QUALITY_GATES_JUDGE=true from our own preTasksExecution
// hook; the specs run our executors (in-process and in child processes) and expect them to judge as
// in a plain run. Hidden from the specs and the Jest workers, and handed back to the executor
// running this Jest by restore-quality-run-env.js.
module.exports = function hideQualityRunEnv() {
  globalThis.__nxQualityGatesJudge = process.env.NX_QUALITY_GATES_JUDGE;
  delete process.env.NX_QUALITY_GATES_JUDGE;
};
