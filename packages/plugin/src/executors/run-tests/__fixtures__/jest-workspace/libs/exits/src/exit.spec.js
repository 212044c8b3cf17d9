// A test that ends the process instead of failing: the result must say so, not keep an old one.
it('calls process.exit', () => {
  process.exit(1);
});
