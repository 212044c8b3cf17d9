exports.sum = (a, b) => a + b;
exports.unused = (a) => { if (a) { return 1; } return 2; };
