/** A serialised error of a failed node:test test (its `cause` is the user's error). */
export interface NodeTestError {
  name?: string;
  message?: string;
  code?: string;
  failureType?: string;
  stack?: string;
  cause?: NodeTestError;
}

/** One line written by our reporter (see node-reporter-source.ts). */
export interface NodeTestEvent {
  type: 'meta' | 'test:start' | 'test:pass' | 'test:fail' | 'test:stderr' | 'test:diagnostic' | 'test:summary';
  data: {
    node?: string;
    name?: string;
    nesting?: number;
    file?: string;
    line?: number;
    column?: number;
    skip?: boolean | string;
    todo?: boolean | string;
    message?: string;
    details?: { type?: 'suite' | 'test'; duration_ms?: number; error?: NodeTestError };
  };
}
