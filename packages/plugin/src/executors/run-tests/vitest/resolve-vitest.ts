import { QualityError } from '@nx-quality/core';
import { pathToFileURL } from 'node:url';
import { resolveToolModule } from '../../shared/resolve-tool-module';
import type { VitestNodeModule } from './vitest-api-types';

/** The user's Vitest Node API and its version. */
export interface ResolvedVitest {
  api: VitestNodeModule;
  version: string;
  major: number;
}

/** Vitest majors whose Node API the runner is written against. */
const SUPPORTED_MAJORS = [3, 4];

/** Loads `vitest/node` (ESM) from the project's/workspace's own Vitest; throws VITEST_NOT_FOUND or VITEST_VERSION_UNSUPPORTED. */
export async function resolveVitest(searchFrom: string[]): Promise<ResolvedVitest> {
  const resolved = resolveToolModule('vitest/node', searchFrom);
  if (!resolved) {
    throw new QualityError('VITEST_NOT_FOUND', `Vitest is not installed where the project can resolve it (searched from ${searchFrom.join(', ')}).`, {
      hint: 'Install it in the workspace: npm install -D vitest (Vitest 3 or 4), or set the runner option.',
    });
  }
  const major = Number.parseInt(resolved.version, 10) || 0;
  if (!SUPPORTED_MAJORS.includes(major)) {
    throw new QualityError('VITEST_VERSION_UNSUPPORTED', `Vitest ${resolved.version} is installed; the test executor runs Vitest 3 and 4.`, {
      hint: 'Install Vitest 3 or 4 (npm install -D vitest@4).',
    });
  }
  const api = (await import(pathToFileURL(resolved.path).href)) as VitestNodeModule;
  return { api, version: resolved.version, major };
}
