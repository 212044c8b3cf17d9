const { area } = require('./shapes/area');
const { unit } = require('./shapes/deep/nested/unit');

module.exports = { area, unit, SHAPES: ['square', 'circle'] };
