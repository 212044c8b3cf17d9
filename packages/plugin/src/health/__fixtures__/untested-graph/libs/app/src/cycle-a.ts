import { second } from './cycle-b';
import type { Thing } from './typed-only';

export const first = (): Thing => ({ id: second() });
export const one = 1;
