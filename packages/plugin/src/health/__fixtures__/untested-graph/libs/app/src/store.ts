import { remember } from './cache';

const entries = new Map<string, unknown>();
export function put(key: string, value: unknown): void {
  entries.set(key, remember(value));
}
