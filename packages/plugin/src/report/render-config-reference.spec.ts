import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_REFERENCE_END, CONFIG_REFERENCE_START, renderConfigReference, replaceConfigReference } from './render-config-reference';

const README = join(__dirname, '../../../../README.md');

describe('the README reference of the default gates and quality.config.json', () => {
  const reference = renderConfigReference();

  it.each([README, join(__dirname, '../../README.md'), join(__dirname, '../../../core/README.md')])('%s matches the schemas (run `npm run build && node tools/generate-config-docs.mjs` to regenerate)', (file) => {
    const readme = readFileSync(file, 'utf8');
    const start = readme.indexOf(CONFIG_REFERENCE_START);
    expect(start).toBeGreaterThanOrEqual(0);
    expect(readme.slice(start, readme.indexOf(CONFIG_REFERENCE_END) + CONFIG_REFERENCE_END.length)).toBe(reference);
  });

  it('names every built-in condition and documents every key with its default', () => {
    expect(reference).toContain('| `tests.failed` | `= 0` |');
    expect(reference).toContain('| `lint.errors` | `= 0` |');
    expect(reference).toContain('| `typecheck.errors` | `= 0` |');
    expect(reference).toMatch(/\| `coverage\.lines` \| `>= 80` \(`coverage\.lines` in quality\.config\.json; default 80\) \|/);
    for (const key of ['gates', 'gates.defaults', 'gates.defaults[].metric', 'gates.defaults[].op', 'gates.tags', 'gates.tags.<name>[].threshold', 'gates.projects', 'coverage.lines', 'health', 'baseline', 'report']) {
      expect(reference).toContain(`| \`${key}\` |`);
    }
    expect(reference).toMatch(/\| `report\.markdownMaxBytes` \| integer ≥ 10000 \| `1000000` \|/);
    expect(reference).toMatch(/\| `health\.maxFunctionLines` \| integer ≥ 1 \| `50` \|/);
  });

  it('replaces only the text between the markers', () => {
    const readme = `# x\n\nbefore\n${CONFIG_REFERENCE_START}\nold\n${CONFIG_REFERENCE_END}\nafter\n`;
    expect(replaceConfigReference(readme, reference)).toBe(`# x\n\nbefore\n${reference}\nafter\n`);
    expect(() => replaceConfigReference('# no markers', reference)).toThrow(/no generated config reference section/);
  });
});
