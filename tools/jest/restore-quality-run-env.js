// Jest globalTeardown: gives back the NX_QUALITY_GATES_JUDGE that hide-quality-run-env.js hid.
module.exports = function restoreQualityRunEnv() {
  if (globalThis.__nxQualityGatesJudge !== undefined) process.env.NX_QUALITY_GATES_JUDGE = globalThis.__nxQualityGatesJudge;
};
