import { QualityError } from '../errors/quality-error';

/** A project's coverage file changed (or vanished) while the report was being written from it; `file` is its path. */
export class CoverageFileChangedError extends QualityError {
  constructor(file: string, options: { cause?: unknown } = {}) {
    super('COVERAGE_FILE_CHANGED', `Coverage file ${file} changed while the report was being written from it.`, {
      ...options,
      file,
      hint: 'Something wrote the file during the report (a test target still running?). Run the report again once no task writes coverage.',
    });
  }
}
