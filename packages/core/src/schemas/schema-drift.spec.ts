import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderJsonSchemas } from '../json-schemas';

describe('published JSON Schema files', () => {
  const rendered = renderJsonSchemas();

  it.each(Object.keys(rendered))('%s matches its zod schema (run `npm run schemas` to regenerate)', (file) => {
    expect(readFileSync(join(__dirname, '../../schemas', file), 'utf8')).toBe(rendered[file]);
  });
});
