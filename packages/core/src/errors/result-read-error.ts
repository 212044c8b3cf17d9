import { QualityError } from './quality-error';

/** A result file exists but is unreadable, corrupt, or of another schema version. */
export class ResultReadError extends QualityError {
  constructor(file: string, message: string, options: { cause?: unknown; hint?: string } = {}) {
    super('RESULT_INVALID', message, { ...options, file });
  }
}
