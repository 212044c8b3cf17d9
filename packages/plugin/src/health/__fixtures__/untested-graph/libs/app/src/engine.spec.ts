// @ts-nocheck -- the @graph/* aliases resolve through this fixture's own tsconfig.base.json, not the repository's
import { run } from '@graph/app';

describe('run', () => {
  it('formats', () => {
    expect(run()).toBe('[done]');
  });
});
