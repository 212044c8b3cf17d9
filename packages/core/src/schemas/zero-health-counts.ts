import { HealthCountsSchema, type HealthCounts } from './health-result';

/** Every health count at 0, derived from the schema so a new count cannot be forgotten by its callers. */
export function zeroHealthCounts(): HealthCounts {
  return Object.fromEntries(Object.keys(HealthCountsSchema.shape).map((key) => [key, 0])) as HealthCounts;
}
