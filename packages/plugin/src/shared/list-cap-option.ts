import { z } from 'zod';

/** The cap of a list in a result file (`…Cap`): the list is cut there, the counts beside it stay exact. */
export function listCapOption(defaultCap: number, listed: string) {
  return z.number().int().nonnegative().default(defaultCap).describe(`Most ${listed}; the counts stay exact.`);
}
