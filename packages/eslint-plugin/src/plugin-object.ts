import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ESLint, Linter } from 'eslint';
import { rules } from './all-rules';

/** This package's manifest (src/ and dist/ are both one level below it), so meta carries the released version. */
const manifest = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { name: string; version: string };

/** The plugin object without configs, which reference it; `index.ts` adds them. */
export const pluginObject: ESLint.Plugin & { configs: Record<string, Linter.Config[] | Linter.LegacyConfig> } = {
  meta: { name: manifest.name, version: manifest.version },
  rules: rules as unknown as ESLint.Plugin['rules'],
  configs: {},
};
