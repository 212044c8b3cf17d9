export * from './lib/pricing';
export * from './lib/refunds';
