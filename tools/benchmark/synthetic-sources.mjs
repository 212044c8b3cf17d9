// Deterministic sources of the synthetic benchmark workspace: a layered dependency DAG of
// projects, each with classes, functions, cross-project imports, partial Jest coverage,
// some lint warnings (explicit `any`, unused eslint-disable directives) and health findings
// (generic catch, TODO comments). Everything compiles cleanly under the preset's strict
// tsconfig, so every official and nx-quality target can succeed and be compared.

const MODULE_NAMES = [
  'ledger', 'parser', 'cache', 'scheduler', 'router', 'validator', 'formatter',
  'metrics', 'queue', 'store', 'planner', 'mapper', 'tracker', 'encoder',
];

/** Small seeded PRNG (mulberry32) so the same N always gives the same workspace. */
function createRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const cap = (text) => text[0].toUpperCase() + text.slice(1);

/**
 * Plans N projects in four layers (10/20/30/40 %). Layer 0 projects depend on nothing;
 * every other project depends on the hub `p00` with high probability, on another layer-0
 * project sometimes, and on one or two projects of the layer just below: `p00` ends up with
 * a large transitive fan-in and the top layer holds leaves nobody depends on.
 */
export function planProjects(count) {
  const random = createRandom(0xbe7c4 + count);
  const pad = String(count - 1).length < 2 ? 2 : String(count - 1).length;
  const shares = [0.1, 0.2, 0.3, 0.4];
  const sizes = shares.map((share) => Math.max(1, Math.round(count * share)));
  while (sizes.reduce((a, b) => a + b, 0) > count) sizes[sizes.indexOf(Math.max(...sizes))]--;
  while (sizes.reduce((a, b) => a + b, 0) < count) sizes[sizes.length - 1]++;

  const projects = [];
  const layers = [];
  let index = 0;
  sizes.forEach((size, layer) => {
    layers[layer] = [];
    for (let k = 0; k < size; k++, index++) {
      const id = `p${String(index).padStart(pad, '0')}`;
      const moduleCount = 6 + Math.floor(random() * 5);
      const modules = Array.from({ length: moduleCount }, (_, m) => MODULE_NAMES[(index + m * 3) % MODULE_NAMES.length] + (m >= MODULE_NAMES.length ? m : ''));
      const uniqueModules = [...new Set(modules)].map((name, m) => (modules.indexOf(name) === m ? name : `${name}${m}`));
      const project = { id, index, layer, modules: uniqueModules, deps: [] };
      if (layer > 0) {
        const deps = new Set();
        if (random() < 0.85) deps.add(layers[0][0].id);
        if (layers[0].length > 1 && random() < 0.35) deps.add(layers[0][1 + Math.floor(random() * (layers[0].length - 1))].id);
        const below = layers[layer - 1];
        const wanted = 1 + Math.floor(random() * 2);
        for (let d = 0; d < wanted; d++) deps.add(below[Math.floor(random() * below.length)].id);
        project.deps = [...deps].sort();
      }
      layers[layer].push(project);
      projects.push(project);
    }
  });
  const dependents = new Map(projects.map((p) => [p.id, 0]));
  for (const p of projects) for (const d of p.deps) dependents.set(d, dependents.get(d) + 1);
  for (const p of projects) p.directDependents = dependents.get(p.id);
  return projects;
}

/** Names exported by module `m` of project `p`, so other modules can import them. */
export function moduleSymbols(project, m) {
  const base = `${cap(project.id)}${cap(project.modules[m])}`;
  const fn = `${project.id}${cap(project.modules[m])}`;
  return {
    options: `${base}Options`,
    event: `${base}Event`,
    error: `${base}Error`,
    klass: base,
    deep: `${base}ReadonlyDeep`,
    describe: `${fn}Describe`,
    score: `${fn}Score`,
    combine: `${fn}Combine`,
    freeze: `${fn}Freeze`,
    parse: `${fn}Parse`,
    group: `${fn}Group`,
  };
}

function moduleSource(project, m, projectsById, scope) {
  const s = moduleSymbols(project, m);
  const imports = [];
  const combineTerms = [`${s.score}(values)`];
  if (m > 0) {
    const prev = moduleSymbols(project, m - 1);
    imports.push(`import { ${prev.score} } from './${project.modules[m - 1]}.js';`);
    combineTerms.push(`${prev.score}(values.map((value) => value / 2))`);
  }
  if (m === 0 || m === 2) {
    for (const depId of project.deps) {
      const dep = projectsById.get(depId);
      const depSymbols = moduleSymbols(dep, 0);
      imports.push(`import { ${depSymbols.score} } from '@${scope}/${depId}';`);
      combineTerms.push(`${depSymbols.score}(values.slice(0, 3))`);
    }
  }
  const withAny = (project.index + m) % 3 === 0;
  const withDisable = (project.index + m) % 4 === 1;
  const withTodo = (project.index + m) % 2 === 0;
  const lines = [
    ...imports,
    ...(imports.length ? [''] : []),
    `/** Options of {@link ${s.klass}}. */`,
    `export interface ${s.options} {`,
    `  readonly limit: number;`,
    `  readonly label: string;`,
    `  readonly weights?: readonly number[];`,
    `}`,
    ``,
    `export type ${s.event} =`,
    `  | { kind: 'added'; key: string; value: number }`,
    `  | { kind: 'removed'; key: string }`,
    `  | { kind: 'cleared'; count: number };`,
    ``,
    `export type ${s.deep}<T> = {`,
    `  readonly [K in keyof T]: T[K] extends object ? ${s.deep}<T[K]> : T[K];`,
    `};`,
    ``,
    `export class ${s.error} extends Error {`,
    `  constructor(`,
    `    message: string,`,
    `    readonly code: string,`,
    `  ) {`,
    `    super(message);`,
    `    this.name = '${s.error}';`,
    `  }`,
    `}`,
    ``,
    `export class ${s.klass}<T extends { id: string }> {`,
    `  private readonly items = new Map<string, T>();`,
    `  private readonly events: ${s.event}[] = [];`,
    ``,
    `  constructor(private readonly options: ${s.options}) {}`,
    ``,
    `  add(item: T, value: number): number {`,
    `    if (this.items.size >= this.options.limit) {`,
    `      throw new ${s.error}(\`\${this.options.label}: limit \${this.options.limit} reached\`, 'LIMIT');`,
    `    }`,
    `    this.items.set(item.id, item);`,
    `    this.events.push({ kind: 'added', key: item.id, value });`,
    `    return this.items.size;`,
    `  }`,
    ``,
    `  remove(id: string): boolean {`,
    `    const existed = this.items.delete(id);`,
    `    if (existed) {`,
    `      this.events.push({ kind: 'removed', key: id });`,
    `    }`,
    `    return existed;`,
    `  }`,
    ``,
    `  clear(): number {`,
    `    const count = this.items.size;`,
    `    this.items.clear();`,
    `    this.events.push({ kind: 'cleared', count });`,
    `    return count;`,
    `  }`,
    ``,
    `  get size(): number {`,
    `    return this.items.size;`,
    `  }`,
    ``,
    `  summary(): string {`,
    `    return this.events.map((event) => ${s.describe}(event)).join('\\n');`,
    `  }`,
    ``,
    `  find(predicate: (item: T) => boolean): T | undefined {`,
    `    for (const item of this.items.values()) {`,
    `      if (predicate(item)) {`,
    `        return item;`,
    `      }`,
    `    }`,
    `    return undefined;`,
    `  }`,
    `}`,
    ``,
    `export function ${s.describe}(event: ${s.event}): string {`,
    `  switch (event.kind) {`,
    `    case 'added':`,
    `      return \`+\${event.key}=\${event.value}\`;`,
    `    case 'removed':`,
    `      return \`-\${event.key}\`;`,
    `    case 'cleared':`,
    `      return \`*\${event.count}\`;`,
    `  }`,
    `}`,
    ``,
    `export function ${s.score}(values: readonly number[], weights: readonly number[] = []): number {`,
    `  let total = 0;`,
    `  for (let i = 0; i < values.length; i++) {`,
    `    const weight = weights[i] ?? 1;`,
    `    const value = values[i] ?? 0;`,
    `    if (value < 0) {`,
    `      total -= (value * weight) / 2;`,
    `    } else if (value > 100) {`,
    `      total += 100 * weight;`,
    `    } else {`,
    `      total += value * weight;`,
    `    }`,
    `  }`,
    `  return Math.round(total * 100) / 100;`,
    `}`,
    ``,
    `export function ${s.combine}(values: readonly number[]): number {`,
    ...(withTodo ? [`  // TODO(perf): cache the combined score instead of recomputing it on every call`] : []),
    `  return ${combineTerms.join(' + ')};`,
    `}`,
    ``,
    `export function ${s.freeze}<T extends object>(value: T): ${s.deep}<T> {`,
    `  return Object.freeze(value) as ${s.deep}<T>;`,
    `}`,
    ``,
    `export function ${s.group}<T>(items: readonly T[], keyOf: (item: T) => string): Record<string, T[]> {`,
    `  const groups: Record<string, T[]> = {};`,
    `  for (const item of items) {`,
    `    const key = keyOf(item);`,
    `    (groups[key] ??= []).push(item);`,
    `  }`,
    `  return groups;`,
    `}`,
    ``,
    ...(withDisable ? [`// eslint-disable-next-line no-console`] : []),
    withAny
      ? `export function ${s.parse}(raw: string): any {`
      : `export function ${s.parse}(raw: string): unknown {`,
    `  try {`,
    `    return JSON.parse(raw);`,
    `  } catch (error) {`,
    `    return { error: String(error) };`,
    `  }`,
    `}`,
    ``,
  ];
  return lines.join('\n');
}

function specSource(project, m, projectsById) {
  const s = moduleSymbols(project, m);
  const crossProject = m === 0 && project.deps.length > 0;
  const lines = [
    `import { ${[s.klass, s.error, s.describe, s.score, ...(crossProject || m % 2 === 0 ? [s.combine] : [])].sort().join(', ')} } from './${project.modules[m]}.js';`,
    ``,
    `describe('${s.klass}', () => {`,
    `  it('adds items and counts them', () => {`,
    `    const store = new ${s.klass}<{ id: string }>({ limit: 2, label: 'test' });`,
    `    expect(store.add({ id: 'a' }, 1)).toBe(1);`,
    `    expect(store.add({ id: 'b' }, 2)).toBe(2);`,
    `    expect(store.size).toBe(2);`,
    `  });`,
    ``,
    `  it('refuses items past the limit', () => {`,
    `    const store = new ${s.klass}<{ id: string }>({ limit: 1, label: 'tiny' });`,
    `    store.add({ id: 'a' }, 1);`,
    `    expect(() => store.add({ id: 'b' }, 2)).toThrow(${s.error});`,
    `  });`,
    ``,
    `  it('describes events', () => {`,
    `    expect(${s.describe}({ kind: 'removed', key: 'k' })).toBe('-k');`,
    `    expect(${s.describe}({ kind: 'cleared', count: 3 })).toBe('*3');`,
    `  });`,
    ``,
    `  it('scores values with weights', () => {`,
    `    expect(${s.score}([1, 2, 3])).toBe(6);`,
    `    expect(${s.score}([-2], [1])).toBe(1);`,
    `  });`,
  ];
  if (crossProject || m % 2 === 0) {
    lines.push(
      ``,
      `  it('combines scores${crossProject ? ' across projects' : ''}', () => {`,
      `    expect(${s.combine}([1, 2, 3])).toBeGreaterThan(0);`,
      `  });`,
    );
  }
  if (m % 3 === 1) {
    lines.push(``, `  it.todo('summarises a long event history');`);
  }
  lines.push(`});`, ``);
  void projectsById;
  return lines.join('\n');
}

/** Whether module `m` of a project gets a spec: about 60 % do, the rest are untested. */
export function hasSpec(project, m) {
  return m < Math.ceil(project.modules.length * 0.7) && (project.index + m) % 5 !== 4;
}

/** All source files of one project: `{ 'src/index.ts': text, 'src/lib/x.ts': text, … }`. */
export function projectSources(project, projectsById, scope) {
  const files = {};
  files['src/index.ts'] = project.modules.map((name) => `export * from './lib/${name}.js';`).join('\n') + '\n';
  project.modules.forEach((name, m) => {
    files[`src/lib/${name}.ts`] = moduleSource(project, m, projectsById, scope);
    if (hasSpec(project, m)) files[`src/lib/${name}.spec.ts`] = specSource(project, m, projectsById);
  });
  return files;
}
