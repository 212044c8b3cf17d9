import { QualityError } from '../errors/quality-error';

/** The worker thread merging a report's coverage failed or stopped; `cause` is its error when it sent one. */
export class CoverageWorkerError extends QualityError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super('COVERAGE_WORKER_FAILED', message, {
      ...options,
      hint: 'The report merges coverage in a worker thread; the cause above says what failed there.',
    });
  }
}
