function area(shape, size) {
  if (shape === 'square') {
    return size * size;
  }
  if (shape === 'circle') {
    return Math.PI * size ** 2;
  }
  throw new Error(`unknown shape ${shape}`);
}

module.exports = { area };
