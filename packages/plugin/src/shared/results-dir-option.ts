import { DEFAULT_RESULTS_DIR } from '@nx-quality/core';
import { z } from 'zod';

/**
 * `resultsDir` of the executors that write or read result files: one default, so a target that
 * reads another's results finds them where it wrote them; the description names the files.
 */
export function resultsDirOption(description: string) {
  return z.string().min(1).default(DEFAULT_RESULTS_DIR).describe(description);
}
