import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { optionsSchema as initOptionsSchema } from '../generators/init/options';
import {
  PLUGIN_OPTIONS_REFERENCE_END,
  PLUGIN_OPTIONS_REFERENCE_START,
  renderPluginOptionsReference,
  replacePluginOptionsReference,
} from './render-plugin-options-reference';

const PACKAGE_README = join(__dirname, '../../README.md');

describe('the package README reference of the plugin and init options', () => {
  const reference = renderPluginOptionsReference(initOptionsSchema);

  it('matches the schemas (run `npm run build && node tools/generate-config-docs.mjs` to regenerate)', () => {
    const readme = readFileSync(PACKAGE_README, 'utf8');
    const start = readme.indexOf(PLUGIN_OPTIONS_REFERENCE_START);
    expect(start).toBeGreaterThanOrEqual(0);
    expect(readme.slice(start, readme.indexOf(PLUGIN_OPTIONS_REFERENCE_END) + PLUGIN_OPTIONS_REFERENCE_END.length)).toBe(reference);
  });

  it('lists the plugin’s own options and every init option, and leaves the quality.config.json keys to the config reference', () => {
    for (const key of ['testTargetName', 'qualityTargetName', 'reportAfterRun', 'strict', 'testExclude', 'lintExclude', 'typecheckExclude', 'replaceOfficial', 'reportTargetName']) {
      expect(reference).toContain(`| \`${key}\` |`);
    }
    for (const key of ['gates', 'coverage', 'health']) expect(reference).not.toContain(`| \`${key}\` |`);
    expect(reference).toMatch(/\| `replaceOfficial` \| boolean \| `false` \|/);
  });

  it('replaces only the text between the markers', () => {
    const readme = `# x\n${PLUGIN_OPTIONS_REFERENCE_START}\nold\n${PLUGIN_OPTIONS_REFERENCE_END}\nafter\n`;
    expect(replacePluginOptionsReference(readme, reference)).toBe(`# x\n${reference}\nafter\n`);
    expect(() => replacePluginOptionsReference('# none', reference)).toThrow(/no generated plugin options reference section/);
  });
});
