import { help } from '@graph/app/helpers';
import type { Thing } from '@graph/app/typed-only';
import { run } from '@graph/app';

export const main = (thing: Thing): string => `${help(thing.id)} ${run()}`;
