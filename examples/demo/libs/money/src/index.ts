export * from './lib/money';
export * from './lib/currency';
