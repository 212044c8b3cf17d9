// Stands in for @nx/jest/preset: a preset the project configs reference by relative path.
module.exports = { testEnvironment: 'node', coverageReporters: ['html'] };
