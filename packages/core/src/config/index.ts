export * from './quality-config-schema';
export * from './parse-quality-config';
export * from './load-quality-config';
export * from './merge-quality-configs';
export * from './resolve-project-conditions';
