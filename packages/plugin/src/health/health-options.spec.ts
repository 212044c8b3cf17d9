import { healthOptionsSchema } from './health-options';

describe('healthOptionsSchema', () => {
  it('fills every default', () => {
    const options = healthOptionsSchema.parse({});
    expect(options).toMatchObject({
      maxFileLines: 500,
      maxFunctionLines: 50,
      maxComplexity: 10,
      todoTags: ['TODO', 'FIXME', 'XXX', 'HACK'],
      untestedTopN: 20,
      fanInScope: 'project',
      defaultTestKind: 'unit',
      allowLogAndRethrow: true,
      genericCatchBoundaries: { functions: [], files: [] },
    });
    expect(Object.keys(options.testKinds)).toEqual(['integration', 'e2e', 'security', 'performance']);
    expect(Object.keys(options.todoCategories)).toEqual(['security', 'performance', 'bug', 'documentation', 'refactor', 'feature']);
    expect(options.errorBaseClass).toBeUndefined();
  });

  it('rejects unknown keys and bad values, naming them', () => {
    const parsed = healthOptionsSchema.safeParse({ maxFileLine: 10, maxComplexity: 0 });
    expect(parsed.success).toBe(false);
    const paths = parsed.error?.issues.map((issue) => issue.path.join('.') || issue.message) ?? [];
    expect(paths).toEqual(expect.arrayContaining(['maxComplexity']));
    expect(JSON.stringify(parsed.error?.issues)).toContain('maxFileLine');
  });
});
