import { QualityError } from '../errors/quality-error';

/** The worker thread merging a report's coverage failed or stopped; `cause` is its error when it sent one. */
export class CoverageWorkerError extends QualityError {
  constructor(message: string, options: { cause?: unknown; code?: string; hint?: string } = {}) {
    super(options.code ?? 'COVERAGE_WORKER_FAILED', message, {
      cause: options.cause,
      hint: options.hint ?? 'The report merges coverage in a worker thread; the cause above says what failed there.',
    });
  }
}

/**
 * The coverage worker went `stalledMs` without reading, merging or writing anything: Node ends a
 * worker thread that runs out of memory without running any of its code, so nothing else says so.
 */
export class CoverageWorkerStalledError extends CoverageWorkerError {
  constructor(readonly stalledMs: number) {
    super(`the coverage worker made no progress for ${Math.round(stalledMs / 1000)} s; it most likely ran out of memory and was stopped`, {
      code: 'COVERAGE_WORKER_STALLED',
      hint: 'Give Node more heap for the report (NODE_OPTIONS=--max-old-space-size=<MB>) and run it again.',
    });
  }
}
