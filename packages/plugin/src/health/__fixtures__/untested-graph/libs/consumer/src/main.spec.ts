import { orphan } from '@graph/app/orphan';

describe('orphan', () => {
  it('is a number', () => {
    expect(orphan).toBe(2);
  });
});
