export * from './quality-error';
export * from './invalid-options-error';
export * from './config-load-error';
