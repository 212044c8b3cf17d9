import type { Thing } from './typed-only';
import { format } from './format';

describe('format', () => {
  it('wraps', () => {
    const thing: Thing = { id: 1 };
    expect(format(String(thing.id))).toBe('[1]');
  });
});
