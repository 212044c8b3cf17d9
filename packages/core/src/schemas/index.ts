export * from './common';
export * from './coverage';
export * from './test-result';
export * from './lint-result';
export * from './typecheck-result';
export * from './health-result';
export * from './gates';
export * from './quality-result';
