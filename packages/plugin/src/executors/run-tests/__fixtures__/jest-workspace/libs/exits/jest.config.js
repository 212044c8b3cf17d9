module.exports = { displayName: 'exits', testEnvironment: 'node' };
