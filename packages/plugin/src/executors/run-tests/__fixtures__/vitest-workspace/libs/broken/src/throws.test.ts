import { test } from 'vitest';

throw new Error('cannot load this file');

test('never registered', () => {});
