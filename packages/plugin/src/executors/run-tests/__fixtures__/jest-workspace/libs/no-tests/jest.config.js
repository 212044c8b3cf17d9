// A project without test files, as a new library before its first spec.
module.exports = { displayName: 'no-tests', testEnvironment: 'node' };
