module.exports = function untested(a, b) {
  return a ? b : !b;
};
