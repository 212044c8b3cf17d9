// A project that changes the process it runs in: its config and its global setup.
process.env.NXQ_FROM_LEAKY_CONFIG = 'set while loading the leaky config';

module.exports = {
  displayName: 'leaky',
  testEnvironment: 'node',
  globalSetup: '<rootDir>/global-setup.js',
};
