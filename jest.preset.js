// Shared Jest settings of this repository's own packages (not of user workspaces).
const path = require('node:path');

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } }],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  // Sources of sibling packages, so unit tests never depend on a stale build.
  moduleNameMapper: {
    '^@nx-quality/core$': path.join(__dirname, 'packages/core/src/index.ts'),
    '^@nx-quality/core/test-support$': path.join(__dirname, 'packages/core/src/test-support/index.ts'),
    '^@nx-quality/eslint-plugin$': path.join(__dirname, 'packages/eslint-plugin/src/index.ts'),
  },
  // Specs expect our executors to judge as in a plain run, also when this Jest runs inside a quality run.
  globalSetup: path.join(__dirname, 'tools/jest/hide-quality-run-env.js'),
  globalTeardown: path.join(__dirname, 'tools/jest/restore-quality-run-env.js'),
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/__fixtures__/', '/files/'],
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
};
