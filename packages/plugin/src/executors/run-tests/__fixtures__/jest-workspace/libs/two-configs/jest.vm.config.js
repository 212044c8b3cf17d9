// A third target's config, whose .env file asks for other NODE_OPTIONS than the task started with.
module.exports = { displayName: 'two-configs-vm', testEnvironment: 'node', testMatch: ['<rootDir>/src/**/*.vm.js'], passWithNoTests: true };
