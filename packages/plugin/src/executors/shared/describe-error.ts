import { QualityError, type ResultError } from '@nx-quality/core';

/** Converts anything thrown into the `error` block of a result file, keeping our codes, files and hints. */
export function describeError(error: unknown, fallbackCode: string): ResultError {
  if (error instanceof QualityError) {
    return { code: error.code, message: error.message, file: error.file, hint: error.hint };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: fallbackCode, message };
}
