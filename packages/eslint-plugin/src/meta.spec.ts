import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as plugin from './index';
import { configs, meta, rules } from './index';

const packageRoot = join(__dirname, '..');
const ruleFiles = readdirSync(join(__dirname, 'rules'))
  .filter((file) => file.endsWith('.ts') && !file.endsWith('.spec.ts'))
  .map((file) => file.replace(/\.ts$/, ''));

describe('every rule has its source, spec, doc, export and recommended entry (flat and eslintrc)', () => {
  it('registers exactly the rule files of src/rules', () => {
    expect(Object.keys(plugin.rules).sort()).toEqual([...ruleFiles].sort());
    expect(ruleFiles.length).toBeGreaterThanOrEqual(2);
  });

  it.each(ruleFiles)('%s has a spec, a doc linked from its meta, and is in recommended', (name) => {
    expect(existsSync(join(__dirname, 'rules', `${name}.spec.ts`))).toBe(true);
    expect(existsSync(join(packageRoot, 'docs', 'rules', `${name}.md`))).toBe(true);
    const rule = rules[name as keyof typeof rules];
    expect(rule.meta.docs?.url).toMatch(new RegExp(`docs/rules/${name}\\.md$`));
    expect(rule.meta.docs?.description).toEqual(expect.any(String));
    const recommendedRules = configs.recommended.find((entry) => entry.name === '@nx-quality/recommended')?.rules ?? {};
    expect(recommendedRules[`@nx-quality/${name}`]).toEqual(['error', expect.any(Object)]);
    expect(configs['legacy-recommended'].rules?.[`@nx-quality/${name}`]).toEqual(['error', expect.any(Object)]);
    const readme = readFileSync(join(packageRoot, 'README.md'), 'utf8');
    expect(readme).toContain(`docs/rules/${name}.md`);
  });

  it('is the module object itself: meta, rules and configs as named exports (require() and an ESM default import of the CommonJS build)', () => {
    const manifest = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { name: string; version: string };
    expect(meta).toEqual({ name: manifest.name, version: manifest.version });
    expect(configs).toBe(plugin.configs);
    expect(Object.keys(configs).sort()).toEqual(['health', 'legacy-health', 'legacy-recommended', 'recommended']);
  });
});
