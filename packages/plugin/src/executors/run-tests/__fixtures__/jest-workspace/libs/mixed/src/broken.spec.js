// A test file with a syntax error: Jest reports it as a suite that failed to run.
describe('broken', () => {
  it('never runs', () => {
    expect(1).toBe(1)
  };
});
