import type { CoverageMapData } from 'istanbul-lib-coverage';

/**
 * Several runs' istanbul coverage of the same files as one, merged by istanbul-lib-coverage itself
 * (hit counts added, as nyc and Jest merge): a task that runs two test configs of a project records
 * what both covered.
 */
export function mergeCoverageData(maps: readonly CoverageMapData[]): CoverageMapData {
  // Loaded on first use: core's index is on Nx's graph-time path (createNodes), which never needs istanbul.
  const { createCoverageMap } = require('istanbul-lib-coverage') as typeof import('istanbul-lib-coverage');
  const merged = createCoverageMap({});
  for (const map of maps) merged.merge(createCoverageMap(structuredClone(map)));
  // The map's own toJSON hands back its FileCoverage objects; the result is plain data, as runners give it.
  return Object.fromEntries(merged.files().map((file) => [file, merged.fileCoverageFor(file).data]));
}
