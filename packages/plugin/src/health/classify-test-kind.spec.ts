import { classifyTestKind } from './classify-test-kind';
import { healthOptionsSchema } from './health-options';

describe('classifyTestKind', () => {
  const defaults = healthOptionsSchema.parse({});

  it.each([
    ['src/user.spec.ts', 'unit'],
    ['src/__tests__/user.test.ts', 'unit'],
    ['tests/integration/db.spec.ts', 'integration'],
    ['src/db.int.spec.ts', 'integration'],
    ['src/db.integration.test.ts', 'integration'],
    ['e2e/login.spec.ts', 'e2e'],
    ['test/app.e2e-spec.ts', 'e2e'],
    ['src/auth.security.spec.ts', 'security'],
    ['tests/performance/load.spec.ts', 'performance'],
    ['src/sort.perf.spec.ts', 'performance'],
    // the file name is more specific than the folder
    ['tests/integration/login.e2e.spec.ts', 'e2e'],
  ])('%s is %s', (file, kind) => {
    expect(classifyTestKind(file, defaults)).toBe(kind);
  });

  it('tries user kinds first and keeps the defaults', () => {
    const options = healthOptionsSchema.parse({ testKinds: { contract: { folders: ['contract'], suffixes: ['pact'] }, e2e: { folders: ['cypress'] } } });
    expect(Object.keys(options.testKinds)).toEqual(['contract', 'e2e', 'integration', 'security', 'performance']);
    expect(classifyTestKind('tests/contract/api.spec.ts', options)).toBe('contract');
    expect(classifyTestKind('src/api.pact.spec.ts', options)).toBe('contract');
    expect(classifyTestKind('cypress/login.spec.ts', options)).toBe('e2e');
    // overriding e2e replaced its conventions
    expect(classifyTestKind('e2e/login.spec.ts', options)).toBe('unit');
  });

  it('uses defaultTestKind for files no convention matches', () => {
    expect(classifyTestKind('src/a.spec.ts', healthOptionsSchema.parse({ defaultTestKind: 'component' }))).toBe('component');
  });
});
