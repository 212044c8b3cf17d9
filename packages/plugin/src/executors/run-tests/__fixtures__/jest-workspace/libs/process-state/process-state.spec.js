const { readFileSync } = require('node:fs');

// What `jest` run by @nx/jest/plugin's target (in the project's directory) gives its tests.
it('runs under NODE_ENV test', () => expect(process.env.NODE_ENV).toBe('test'));
it('reads a file relative to the working directory, the project', () => expect(readFileSync('fixture.txt', 'utf8').trim()).toBe('process-state'));
