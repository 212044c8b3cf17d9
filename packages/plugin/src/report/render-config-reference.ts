import { DEFAULT_COVERAGE_LINES, defaultGateConditions, QualityConfigSchema, zeroHealthCounts } from '@nx-quality/core';
import { z } from 'zod';
import { healthOptionsSchema } from '../health/health-options';
import { optionsSchema as reportOptionsSchema } from '../executors/quality-report/options';
import { replaceBetweenMarkers } from './replace-between-markers';

/** The markers around the generated reference in README.md. */
export const CONFIG_REFERENCE_START = '<!-- config-reference:start (generated from the zod schemas by `node tools/generate-config-docs.mjs`; edit the schemas, not this) -->';
export const CONFIG_REFERENCE_END = '<!-- config-reference:end -->';

type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: JsonSchema | boolean;
  default?: unknown;
  description?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
};

function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  // `input`: what a user writes, with the defaults the parser fills in.
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

/** Table cells hold our own schema text; only what would break the row is escaped. */
function cell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
}

function typeOf(schema: JsonSchema): string {
  if (schema.enum) return schema.enum.map((v) => `\`${JSON.stringify(v)}\``).join(' | ');
  if (schema.const !== undefined) return `\`${JSON.stringify(schema.const)}\``;
  if (schema.anyOf) return schema.anyOf.map(typeOf).join(' | ');
  if (schema.type === 'array') {
    const item = schema.items ? typeOf(schema.items) : 'any';
    return item.includes(' | ') ? `(${item})[]` : `${item}[]`;
  }
  if (schema.type === 'object' && !schema.properties && typeof schema.additionalProperties === 'object') {
    return `{ [name]: ${typeOf(schema.additionalProperties)} }`;
  }
  if (schema.type === 'integer') {
    const floor = schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : schema.minimum;
    return floor !== undefined ? `integer ≥ ${floor}` : 'integer';
  }
  if (schema.type === 'number' && schema.minimum !== undefined && schema.maximum !== undefined) return `number ${schema.minimum}–${schema.maximum}`;
  return Array.isArray(schema.type) ? schema.type.join(' | ') : (schema.type ?? 'any');
}

function defaultOf(value: unknown): string {
  if (value === undefined) return '';
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const keys = Object.keys(value);
    return keys.length ? `\`{ ${keys.join(', ')} }\`` : '`{}`';
  }
  return `\`${JSON.stringify(value)}\``;
}

/** Rows of every key, nested ones by dotted path (`[]` for array items, `<name>` for free-form keys). */
function rows(schema: JsonSchema, prefix = ''): string[] {
  const out: string[] = [];
  for (const [key, property] of Object.entries(schema.properties ?? {})) {
    if (key === '$schema') continue;
    const path = `${prefix}${key}`;
    out.push(`| \`${path}\` | ${cell(typeOf(property))} | ${defaultOf(property.default)} | ${cell(property.description ?? '')} |`);
    if (property.properties) out.push(...rows(property, `${path}.`));
    else if (property.items?.properties) out.push(...rows(property.items, `${path}[].`));
    else if (typeof property.additionalProperties === 'object' && property.additionalProperties.items?.properties) {
      out.push(...rows(property.additionalProperties.items, `${path}.<name>[].`));
    }
  }
  return out;
}

function table(schema: JsonSchema, prefix = ''): string[] {
  return ['| key | type | default | description |', '|---|---|---|---|', ...rows(schema, prefix)];
}

/** A Markdown table of a zod object schema's keys (type, default, description), nested keys by dotted path. */
export function renderOptionsTable(schema: z.ZodType, prefix = ''): string[] {
  return table(jsonSchemaOf(schema), prefix);
}

/**
 * The README's reference of the default gates and of `quality.config.json`, rendered from the code
 * that defines them (the built-in conditions, the config's zod schema, and the zod schemas of the
 * health and report options it passes through), so the documentation cannot drift from them.
 */
export function renderConfigReference(): string {
  const defaults = defaultGateConditions();
  const health = Object.keys(zeroHealthCounts()).map((name) => `\`health.${name}\``);
  return [
    CONFIG_REFERENCE_START,
    '',
    '#### Default gates',
    '',
    'Every project is held to these conditions unless `gates.defaults` replaces them. A condition on a tool the',
    "project has no target for is dropped; one whose result is missing, unreadable, stale or could not run fails.",
    '',
    '| metric | must be |',
    '|---|---|',
    ...defaults.map((c) => `| \`${c.metric}\` | \`${c.op} ${c.threshold}\`${c.metric === 'coverage.lines' ? ` (\`coverage.lines\` in quality.config.json; default ${DEFAULT_COVERAGE_LINES})` : ''} |`),
    '',
    'Metrics a condition may name: `tests.total`, `tests.passed`, `tests.failed`, `tests.skipped`, `tests.todo`,',
    '`tests.suitesErrored`, `coverage.lines`, `coverage.statements`, `coverage.functions`, `coverage.branches`,',
    '`lint.errors`, `lint.warnings`, `lint.fixable`, `typecheck.errors`, and the health counts',
    `${health.join(', ')}.`,
    'Operators: `<`, `<=`, `=`, `>=`, `>`.',
    '',
    '#### `quality.config.json`',
    '',
    'At the workspace root; every key is optional and an unknown key is an error. The same keys can be set as the',
    '`@nx-quality/plugin` options in nx.json, which are layered over quality.config.json; a project\'s `quality` target',
    'options (`gates`, `coverage`, `health`) are layered over both for that project.',
    '',
    ...table(jsonSchemaOf(QualityConfigSchema)),
    '',
    '#### `health` options',
    '',
    '`health: false` turns the analysis off; an object sets these:',
    '',
    ...table(jsonSchemaOf(healthOptionsSchema), 'health.'),
    '',
    '#### `report` options',
    '',
    'Options of the workspace report (the after-run report and the `quality-report` target), layered: quality.config.json',
    '`report`, then the nx.json plugin options\' `report`, then the root project\'s `quality-report` target options:',
    '',
    ...table(jsonSchemaOf(reportOptionsSchema), 'report.'),
    '',
    CONFIG_REFERENCE_END,
  ].join('\n');
}

/** README text with the generated reference between its markers replaced by `reference`. */
export function replaceConfigReference(readme: string, reference: string): string {
  return replaceBetweenMarkers(
    readme,
    { start: CONFIG_REFERENCE_START, end: CONFIG_REFERENCE_END, code: 'CONFIG_REFERENCE_MARKERS_MISSING', what: 'generated config reference section' },
    reference,
  );
}
