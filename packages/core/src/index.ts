export * from './schemas';
export * from './schemas/json-schemas';
export * from './errors';
export * from './io/write-json-atomic';
export * from './io/read-result-file';
export * from './paths/to-workspace-path';
export * from './paths/result-locations';
export * from './gates';
