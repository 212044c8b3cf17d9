export * from './engine';
export { format } from './format';
export type { Options } from './types';
