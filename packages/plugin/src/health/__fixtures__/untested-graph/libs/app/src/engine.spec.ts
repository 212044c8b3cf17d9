import { run } from '@graph/app';

describe('run', () => {
  it('formats', () => {
    expect(run()).toBe('[done]');
  });
});
