describe('strings', () => {
  it('upper-cases', () => {
    expect('a'.toUpperCase()).toBe('A');
  });

  it('fails with a multi-line message', () => {
    expect({ name: 'alpha', size: 1 }).toEqual({ name: 'beta', size: 1 });
  });

  it.todo('trims');
});
