import { format } from './format';
import { first } from './cycle-a';
import { put } from './store';

export function run(): string {
  put('k', first());
  return format('done');
}
