import { helpMore } from './helpers';

export const orphan = helpMore(1);
