module.exports = { testEnvironment: 'node', collectCoverageFrom: ['src/**/*.js'] };
