import { logger } from '@nx/devkit';
import type { ResultError } from '@nx-quality/core';

/** Prints a result error as one clear block: what, where, how to fix; never a bare stack trace. */
export function printResultError(subject: string, error: ResultError): void {
  const where = error.file ? ` (${error.file})` : '';
  logger.error(`${subject}: ${error.message}${where}${error.hint ? `\n  Fix: ${error.hint}` : ''}`);
}
