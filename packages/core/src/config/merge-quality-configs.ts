import type { GatesConfig } from '../schemas/gates';
import type { HealthConfig, QualityConfig } from './quality-config-schema';

/**
 * Layers quality configs, later ones winning. The plugin uses the order
 * `quality.config.json` < nx.json plugin options < a target's own options (project.json), i.e. the
 * layer closest to the Nx target wins. Per key:
 * - `gates.defaults`: replaced as a whole; `gates.tags` / `gates.projects`: merged per tag / project
 *   name, a later layer replacing that tag's or project's condition list;
 * - `coverage`, `report`: merged key by key; `baseline`: replaced;
 * - `health`: `false` in any later layer turns it off, an object in a later layer turns it back on
 *   and is merged key by key (nested objects too) over earlier objects.
 */
export function mergeQualityConfigs(...layers: (QualityConfig | undefined)[]): QualityConfig {
  const merged: QualityConfig = {};
  for (const layer of layers) {
    if (!layer) continue;
    if (layer.gates) merged.gates = mergeGates(merged.gates, layer.gates);
    if (layer.coverage) merged.coverage = { ...merged.coverage, ...layer.coverage };
    if (layer.health !== undefined) merged.health = mergeHealth(merged.health, layer.health);
    if (layer.baseline !== undefined) merged.baseline = layer.baseline;
    if (layer.report) merged.report = { ...merged.report, ...layer.report };
  }
  return merged;
}

function mergeGates(base: GatesConfig | undefined, over: GatesConfig): GatesConfig {
  const out: GatesConfig = { ...base };
  if (over.defaults) out.defaults = over.defaults;
  if (over.tags) out.tags = { ...base?.tags, ...over.tags };
  if (over.projects) out.projects = { ...base?.projects, ...over.projects };
  return out;
}

function mergeHealth(base: HealthConfig | undefined, over: HealthConfig): HealthConfig {
  if (over === false) return false;
  return deepMerge(base === false || base === undefined ? {} : base, over);
}

function deepMerge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const previous = out[key];
    out[key] = isPlainObject(previous) && isPlainObject(value) ? deepMerge(previous, value) : value;
  }
  return out;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
