import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderOptionSchemas, type OptionsModule } from './render-option-schemas';

// The schema.json files Nx reads are generated from the zod option schemas; a stale one would
// let Nx accept or reject options differently from what the executor validates.
describe('executor and generator schema.json files', () => {
  const srcDir = join(__dirname, '..');
  const rendered = renderOptionSchemas(srcDir, (file) => require(file) as OptionsModule);

  it('every registered executor and generator has an options module', () => {
    const registered = [
      ...Object.values(require('../../executors.json').executors as Record<string, { schema: string }>).map(({ schema }) =>
        schema.replace('./dist/', ''),
      ),
      ...Object.keys(require('../../generators.json').generators).map((name) => `generators/${name}/schema.json`),
    ];
    expect(Object.keys(rendered).sort()).toEqual(registered.sort());
  });

  for (const relative of Object.keys(rendered)) {
    it(`${relative} matches its zod schema (run \`npm run schemas\` to regenerate)`, () => {
      expect(readFileSync(join(srcDir, relative), 'utf8')).toBe(rendered[relative]);
    });
  }
});
