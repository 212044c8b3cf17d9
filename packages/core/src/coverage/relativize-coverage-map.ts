import type { CoverageMapData } from 'istanbul-lib-coverage';
import { toWorkspacePath } from '../paths/to-workspace-path';

/**
 * Rewrites istanbul coverage data so every key (and each file's `path`) is a workspace-relative
 * POSIX path: coverage from different machines, caches and runners then merges by file.
 */
export function relativizeCoverageMap(data: CoverageMapData, workspaceRoot: string): CoverageMapData {
  const out: CoverageMapData = {};
  for (const [key, fileCoverage] of Object.entries(data)) {
    const file = toWorkspacePath(workspaceRoot, fileCoverage.path || key);
    const existing = out[file];
    // Two absolute spellings of one file (symlinks, drive letters) must not drop either's hits.
    out[file] = existing ? mergeFileData(existing, { ...fileCoverage, path: file }) : { ...fileCoverage, path: file };
  }
  return out;
}

function mergeFileData(a: CoverageMapData[string], b: CoverageMapData[string]): CoverageMapData[string] {
  // Loaded on first use: core's index is on Nx's graph-time path (createNodes), which never needs istanbul.
  const { createFileCoverage } = require('istanbul-lib-coverage') as typeof import('istanbul-lib-coverage');
  const merged = createFileCoverage(a);
  merged.merge(b);
  return merged.toJSON() as CoverageMapData[string];
}
