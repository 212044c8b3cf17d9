// @ts-nocheck -- the @graph/* aliases resolve through this fixture's own tsconfig.base.json, not the repository's
import { orphan } from '@graph/app/orphan';

describe('orphan', () => {
  it('is a number', () => {
    expect(orphan).toBe(2);
  });
});
