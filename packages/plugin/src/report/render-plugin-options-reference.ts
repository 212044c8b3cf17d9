import { qualityConfigShape } from '@nx-quality/core';
import { z } from 'zod';
import { pluginOptionsSchema } from '../inference/plugin-options';
import { renderOptionsTable } from './render-config-reference';
import { replaceBetweenMarkers } from './replace-between-markers';

/** The markers around the generated options reference in packages/plugin/README.md. */
export const PLUGIN_OPTIONS_REFERENCE_START =
  '<!-- plugin-options-reference:start (generated from the zod schemas by `node tools/generate-config-docs.mjs`; edit the schemas, not this) -->';
export const PLUGIN_OPTIONS_REFERENCE_END = '<!-- plugin-options-reference:end -->';

/**
 * The package README's reference of the nx.json plugin options and of the init generator's options.
 * The init schema is passed in: generators sit above this layer (tools/generate-config-docs.mjs and
 * the drift spec hand it over).
 */
export function renderPluginOptionsReference(initOptionsSchema: z.ZodObject): string {
  const configKeys = new Set(Object.keys(qualityConfigShape));
  const ownOptions = z.object(Object.fromEntries(Object.entries(pluginOptionsSchema.shape).filter(([key]) => !configKeys.has(key))));
  return [
    PLUGIN_OPTIONS_REFERENCE_START,
    '',
    '#### Plugin options (nx.json `plugins`)',
    '',
    '```json',
    '{ "plugins": [{ "plugin": "@nx-quality/plugin", "options": { "testTargetName": "test" } }] }',
    '```',
    '',
    `Besides these, the options take every key of \`quality.config.json\` (${[...configKeys].map((key) => `\`${key}\``).join(', ')}); see below.`,
    '',
    ...renderOptionsTable(ownOptions),
    '',
    '#### `init` generator options (`nx add @nx-quality/plugin` runs it; `nx g @nx-quality/plugin:init` again at any time)',
    '',
    ...renderOptionsTable(initOptionsSchema),
    '',
    PLUGIN_OPTIONS_REFERENCE_END,
  ].join('\n');
}

/** README text with the generated plugin options reference between its markers replaced. */
export function replacePluginOptionsReference(readme: string, reference: string): string {
  return replaceBetweenMarkers(
    readme,
    { start: PLUGIN_OPTIONS_REFERENCE_START, end: PLUGIN_OPTIONS_REFERENCE_END, code: 'PLUGIN_OPTIONS_REFERENCE_MARKERS_MISSING', what: 'generated plugin options reference section' },
    reference,
  );
}
