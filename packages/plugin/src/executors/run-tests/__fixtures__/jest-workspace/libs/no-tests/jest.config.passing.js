// The same project with Jest's own passWithNoTests in its config.
module.exports = { displayName: 'no-tests', testEnvironment: 'node', passWithNoTests: true };
