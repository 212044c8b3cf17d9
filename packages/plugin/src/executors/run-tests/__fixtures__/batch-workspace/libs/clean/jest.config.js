module.exports = { displayName: 'clean', testEnvironment: 'node' };
