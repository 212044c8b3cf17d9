/** A source with one finding of each health rule (TODO, any, generic catch, bare throw), for the flat and eslintrc config specs. */
export const HEALTH_SAMPLE_SOURCE = [
  '// TODO: split this file',
  'export function f(a: any): any {',
  '  try { return a; } catch (e) { console.log(e); }',
  '  if (a) throw "bad";',
  '}',
  '',
].join('\n');
