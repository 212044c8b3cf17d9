import { RuleTester } from '@typescript-eslint/rule-tester';
import { forRuleTester } from '../test-support/for-rule-tester';
import { noBareErrorThrow } from './no-bare-error-throw';

const ruleTester = new RuleTester();

ruleTester.run('no-bare-error-throw', forRuleTester(noBareErrorThrow), {
  valid: [
    `throw new NotFoundError('user 42');`,
    `throw new AppError('E_CONFIG', 'bad config', { cause: error });`,
    // rethrowing a caught value is not a new bare throw
    `try { run(); } catch (e) { throw e; }`,
    `throw createError('E_TIMEOUT');`,
    // built-in subclasses say what went wrong
    `throw new TypeError('expected a string');`,
    // a local class called Error is not the global one
    `class Error extends AppError {}\nthrow new Error('x');`,
    `function f(undefined) { throw undefined; }`,
    { code: `throw new ValidationError('bad');`, options: [{ baseClass: 'AppError', importPath: '@acme/errors' }] },
  ],
  invalid: [
    {
      code: `throw new Error('failed');`,
      errors: [{ messageId: 'bareError', line: 1, column: 1, endColumn: 27 }],
    },
    {
      code: `function f() {\n  if (!ok) throw Error('failed');\n}`,
      errors: [{ messageId: 'bareError', line: 2, column: 12 }],
    },
    {
      code: `throw new Error('failed');`,
      options: [{ baseClass: 'AppError', importPath: '@acme/errors' }],
      errors: [{ messageId: 'bareErrorUseBase', line: 1, column: 1, data: { baseClass: 'AppError', from: " (from '@acme/errors')" } }],
    },
    {
      code: `throw 'not found';`,
      errors: [{ messageId: 'nonError', line: 1, column: 1, data: { what: 'a string', from: '' } }],
    },
    {
      code: 'throw `missing ${key}`;',
      errors: [{ messageId: 'nonError', line: 1, column: 1, data: { what: 'a string', from: '' } }],
    },
    {
      code: `throw 404;`,
      errors: [{ messageId: 'nonError', line: 1, column: 1, data: { what: 'a number', from: '' } }],
    },
    {
      code: `throw { code: 'E_AUTH', message: 'denied' };`,
      errors: [{ messageId: 'nonError', line: 1, column: 1, data: { what: 'an object literal', from: '' } }],
    },
    {
      code: `throw 'missing ' + key;`,
      errors: [{ messageId: 'nonError', line: 1, column: 1, data: { what: 'a string or number', from: '' } }],
    },
    {
      code: `throw null;`,
      errors: [{ messageId: 'nonError', line: 1, column: 1, data: { what: 'null', from: '' } }],
    },
    {
      code: `throw undefined;`,
      errors: [{ messageId: 'nonError', line: 1, column: 1, data: { what: 'undefined', from: '' } }],
    },
  ],
});
