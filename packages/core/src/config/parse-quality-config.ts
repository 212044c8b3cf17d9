import { ConfigLoadError } from '../errors/config-load-error';
import { formatZodIssues } from '../errors/invalid-options-error';
import { QualityConfigSchema, type QualityConfig } from './quality-config-schema';

/**
 * Validates a quality config value; `source` names where it came from (a file or "nx.json plugin
 * options") and starts every line of the error, followed by the key path of the bad value.
 */
export function parseQualityConfig(value: unknown, source: string): QualityConfig {
  const parsed = QualityConfigSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const lines = formatZodIssues(parsed.error).map((issue) => `${source}: ${issue.path || '(root)'}: ${issue.message}`);
  return failInvalid(source, lines);
}

function failInvalid(source: string, lines: string[]): never {
  throw new ConfigLoadError('QUALITY_CONFIG_INVALID', source, lines.join('\n'), {
    hint: `Correct the listed keys in ${source}; its JSON Schema is @nx-quality/core/schemas/quality-config.schema.json.`,
  });
}
