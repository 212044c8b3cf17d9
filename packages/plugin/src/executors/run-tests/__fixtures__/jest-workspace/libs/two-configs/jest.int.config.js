// Integration tests of the same sources: another official test target runs this config.
module.exports = { displayName: 'two-configs-int', testEnvironment: 'node', testMatch: ['<rootDir>/src/**/*.int.js'] };
