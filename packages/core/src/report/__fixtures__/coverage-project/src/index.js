const math = require('./math');
const shapes = require('./shapes');
const format = require('./strings/format');

module.exports = { ...math, ...shapes, ...format };
