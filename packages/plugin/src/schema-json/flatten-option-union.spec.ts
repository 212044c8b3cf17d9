import { z } from 'zod';
import { flattenOptionUnion } from './flatten-option-union';

describe('flattenOptionUnion', () => {
  const union = z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('a'), dir: z.string().default('out').describe('Where to write.'), only: z.boolean().default(false).describe('Only a.') }),
    z.strictObject({ kind: z.literal('b'), dir: z.string().default('out').describe('Where to write.'), size: z.number().describe('Size for b.'), only: z.string().describe('Only b.') }),
  ]);
  const flat = flattenOptionUnion(z.toJSONSchema(union, { io: 'input' }) as Record<string, unknown>);
  const properties = flat['properties'] as Record<string, Record<string, unknown>>;

  it('is one object with every branch property and the discriminator as an enum', () => {
    expect(flat).toMatchObject({ type: 'object', required: ['kind'] });
    expect(flat['oneOf']).toBeUndefined();
    expect(Object.keys(properties).sort()).toEqual(['dir', 'kind', 'only', 'size']);
    expect(properties['kind']).toEqual({ type: 'string', enum: ['a', 'b'] });
  });

  it('keeps a default and a description only where every branch agrees on them', () => {
    expect(properties['dir']).toEqual({ type: 'string', default: 'out', description: 'Where to write.' });
    expect(properties['size']).toEqual({ type: 'number', description: 'b: Size for b.' });
  });

  it('says per branch what a property means and accepts where the branches differ', () => {
    expect(properties['only']).toEqual({ description: 'a: Only a. | b: Only b.', anyOf: [{ type: 'boolean' }, { type: 'string' }] });
  });

  it('refuses a union without a constant to tell its branches apart', () => {
    expect(() => flattenOptionUnion({ oneOf: [{ type: 'object', properties: { x: { type: 'string' } } }] })).toThrow('one property with a constant value');
  });
});
