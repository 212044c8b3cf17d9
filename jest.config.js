/** @type {import('jest').Config} */
module.exports = {
  projects: ['<rootDir>/packages/core', '<rootDir>/packages/eslint-plugin', '<rootDir>/packages/plugin', '<rootDir>/tools', '<rootDir>/e2e'],
};
