export * from './lib/catalog';
