module.exports = { rules: { 'no-var': 'off', eqeqeq: 'warn' } };
