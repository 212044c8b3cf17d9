// Unit tests (code-pushup's vitest.unit.config beside vitest.int.config, in Jest's terms).
module.exports = { displayName: 'two-configs-unit', testEnvironment: 'node', testMatch: ['<rootDir>/src/**/*.spec.js'] };
