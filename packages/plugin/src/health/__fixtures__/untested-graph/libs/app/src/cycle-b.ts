import { one } from './cycle-a';

export const second = (): number => one + 1;
