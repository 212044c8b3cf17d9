export * from './relativize-coverage-map';
export * from './summarize-coverage';
export * from './check-coverage-thresholds';
