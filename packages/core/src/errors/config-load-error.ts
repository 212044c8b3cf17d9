import { QualityError } from './quality-error';

/** A tool's configuration file (Jest, ESLint, tsconfig, quality.config.json) could not be loaded. */
export class ConfigLoadError extends QualityError {
  constructor(code: string, file: string, message: string, options: { cause?: unknown; hint?: string } = {}) {
    super(code, message, { ...options, file });
  }
}
