import { QualityError } from '@nx-quality/core';
import type { JestRunCLI } from './jest-result-types';
import { resolveToolModule } from '../shared/resolve-tool-module';

/** The user's Jest: its runCLI and version. */
export interface ResolvedJest {
  runCLI: JestRunCLI;
  version: string;
  major: number;
}

/** Loads `runCLI` from the project's/workspace's own `jest` (or `@jest/core`); throws JEST_NOT_FOUND. */
export function resolveJest(searchFrom: string[]): ResolvedJest {
  for (const request of ['jest', '@jest/core']) {
    const resolved = resolveToolModule(request, searchFrom);
    if (!resolved) continue;
    const runCLI = (require(resolved.path) as { runCLI?: JestRunCLI }).runCLI;
    if (typeof runCLI !== 'function') continue;
    return { runCLI, version: resolved.version, major: Number.parseInt(resolved.version, 10) || 0 };
  }
  throw new QualityError('JEST_NOT_FOUND', `Jest is not installed where the project can resolve it (searched from ${searchFrom.join(', ')}).`, {
    hint: 'Install it in the workspace: npm install -D jest (Jest 29 or 30).',
  });
}
