function clamp(value, min = 0, max = 100) {
  if (value < min) return min;
  else if (value > max) return max;
  return value;
}

const sign = (n) => (n > 0 ? 1 : n < 0 ? -1 : 0);

function describe(kind) {
  switch (kind) {
    case 'a':
      return 'first';
    case 'b':
    case 'c':
      return 'second or third';
    case 'd':
      return 'fourth';
    default:
      return 'other';
  }
}

function neverCalled(x) {
  return x && x.value || null;
}

module.exports = { clamp, sign, describe, neverCalled };
