exports.sum = (a, b) => a + b;
exports.unused = (a) => (a > 0 ? 'positive' : 'not positive');
