import { RuleTester } from '@typescript-eslint/rule-tester';
import { forRuleTester } from '../test-support/for-rule-tester';
import { noGenericCatch } from './no-generic-catch';

const ruleTester = new RuleTester();

ruleTester.run('no-generic-catch', forRuleTester(noGenericCatch), {
  valid: [
    // narrowing with instanceof, then rethrowing the rest
    `try { run(); } catch (e) { if (e instanceof NotFoundError) return null; throw e; }`,
    // a type-guard call on the error
    `try { run(); } catch (error) { if (isAxiosError(error)) { retry(); } }`,
    `try { run(); } catch (error) { if (axios.isAxiosError(error)) { retry(); } }`,
    // a code check, also through an alias with a type assertion
    `try { run(); } catch (e) { const err = e as NodeJS.ErrnoException; if (err.code === 'ENOENT') return undefined; }`,
    `try { run(); } catch (e) { if ((e as { code?: string }).code !== 'ENOENT') throw e; }`,
    `try { run(); } catch (e) { switch (e.name) { case 'AbortError': return; default: throw e; } }`,
    `try { run(); } catch ({ code }) { if (code === 'EEXIST') return; }`,
    // a truthiness or typeof check of the code tells system errors from the rest
    `try { run(); } catch (e) { if ((e as NodeJS.ErrnoException).code) return undefined; throw e; }`,
    `try { run(); } catch (e) { return typeof e.code === 'string' ? e.code : 'UNKNOWN'; }`,
    `try { run(); } catch (e) { return e.name === 'AbortError' && retry ? again() : fail(); }`,
    `try { run(); } catch (e) { if ('status' in e) report(e); }`,
    // rethrowing, wrapped or forwarded
    `try { run(); } catch (e) { throw new DbError('query failed', { cause: e }); }`,
    `try { run(); } catch (e) { logger.error(e); throw e; }`,
    `function handler(req, res, next) { try { run(); } catch (err) { next(err); } }`,
    `new Promise((resolve, reject) => { try { run(); } catch (e) { reject(e); } });`,
    `async function f() { try { await run(); } catch (e) { return Promise.reject(e); } }`,
    `load().catch((e) => { if (e instanceof TimeoutError) return fallback; throw e; });`,
    // boundaries: named function, /regex/, file glob
    { code: `async function main() { try { await run(); } catch (e) { console.error(e); process.exit(1); } }`, options: [{ boundaries: { functions: ['main'] } }] },
    { code: `const handleRequest = () => { try { run(); } catch (e) { respond500(e); } };`, options: [{ boundaries: { functions: ['/^handle/'] } }] },
    { code: `try { run(); } catch { }`, filename: 'src/cli/main.ts', options: [{ boundaries: { files: ['src/cli/**'] } }] },
    // promise catch handlers can be left alone
    { code: `load().catch(() => {});`, options: [{ checkPromiseCatch: false }] },
    // a catch method of something else with no handler function
    `load().catch(handleLoadError);`,
  ],
  invalid: [
    {
      code: `try { run(); } catch (e) {}`,
      errors: [{ messageId: 'swallowed', line: 1, column: 16, endColumn: 28 }],
    },
    {
      code: `try {\n  run();\n} catch {\n  // ignore\n}`,
      errors: [{ messageId: 'swallowed', line: 3, column: 3 }],
    },
    {
      code: `try { run(); } catch (e) { console.error('failed', e); }`,
      errors: [{ messageId: 'logOnly', line: 1, column: 16 }],
    },
    {
      code: `async function f() {\n  try {\n    await run();\n  } catch (error) {\n    await this.logger.warn(error);\n  }\n}`,
      errors: [{ messageId: 'logOnly', line: 4, column: 5 }],
    },
    {
      code: `function parse(text) {\n  try {\n    return JSON.parse(text);\n  } catch (e) {\n    return undefined;\n  }\n}`,
      errors: [{ messageId: 'generic', line: 4, column: 5 }],
    },
    {
      // a code property read but not compared is not narrowing
      code: `try { run(); } catch (e) { res.status(500).json({ code: e.code }); }`,
      errors: [{ messageId: 'generic', line: 1, column: 16 }],
    },
    {
      // the code is only passed through, not tested
      code: `try { run(); } catch (e) { const code = e.code; return { ok: false, code }; }`,
      errors: [{ messageId: 'generic', line: 1, column: 16 }],
    },
    {
      // a throw inside a nested callback does not rethrow from this handler
      code: `try { run(); } catch (e) { setTimeout(() => { throw e; }); }`,
      errors: [{ messageId: 'generic', line: 1, column: 16 }],
    },
    {
      code: `try { run(); } catch (e) { logger.error(e); throw e; }`,
      options: [{ allowLogAndRethrow: false }],
      errors: [{ messageId: 'logAndRethrow', line: 1, column: 16 }],
    },
    {
      code: `load()\n  .then(use)\n  .catch(() => {});`,
      errors: [{ messageId: 'swallowed', line: 3, column: 4 }],
    },
    {
      code: `load().catch((e) => console.error(e));`,
      errors: [{ messageId: 'logOnly', line: 1, column: 8 }],
    },
    {
      code: `load().catch(() => null);`,
      errors: [{ messageId: 'generic', line: 1, column: 8 }],
    },
    {
      // the boundary names another function; the catch here is still reported
      code: `function worker() { try { run(); } catch (e) { console.log(e); } }`,
      options: [{ boundaries: { functions: ['main'], files: ['src/cli/**'] } }],
      filename: 'src/lib/worker.ts',
      errors: [{ messageId: 'logOnly', line: 1, column: 36 }],
    },
  ],
});
