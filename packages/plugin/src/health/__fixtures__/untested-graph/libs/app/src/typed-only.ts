import { help } from './helpers';

export interface Thing {
  id: number;
}

export const makeThing = (id: number): Thing => ({ id: help(id) });
export const noThing: Thing | undefined = undefined;
