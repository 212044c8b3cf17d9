// Layering rules of nx-quality, checked by `npm test` (`npm run deps`). See ARCHITECTURE.md.
// Each list runs from the bottom layer up: a module may import its own layer and the layers before
// it, never one after it. A file belongs to the first layer whose pattern matches its path.
// Spec files (*.spec.ts) and test support sit above every layer, but are still checked for cycles.

const pluginLayers = [
  ['shared', 'shared/|schema-json/'], //                    options parsing, project refs, result headers, option-schema rendering
  ['tool-facts', 'tool-facts/'], //                         Jest/ESLint config names, official plugins
  ['health', 'health/'], //                                 the code-health analysis
  ['inference', 'inference/'], //                           createNodes, plugin options
  ['verdict', 'verdict/'], //                               the gates' verdict after a run
  ['option schemas', 'executors/[^/]+/options\\.ts$'], //   each executor's options (zod), read by the report and init
  ['report', 'report/'], //                                 the report pipeline (quality-report executor and after-run hook)
  ['executors', 'executors/|report-hook/'], //              thin Nx adapters
  ['generators', 'generators/|migrations/'], //          generators and nx migrate's migrations
  ['entry points', '(index|plugin)\\.ts$'],
];

const coreLayers = [
  ['base', 'schemas/|errors/|paths/|text/|io/'],
  ['gates', 'gates/'],
  ['config and baseline', 'config/|baseline/'],
  ['judge', 'judge/'],
  ['coverage', 'coverage/'],
  ['report', 'report/'],
  ['entry points', '(index|json-schemas)\\.ts$'],
];

const notTestCode = '\\.spec\\.ts$|/__fixtures__/|/test-support/';

/** One rule per layer: nothing in it imports a layer above it. */
function layerRules(pkg, layers) {
  const src = `^packages/${pkg}/src/`;
  return layers.slice(0, -1).map(([name], index) => {
    const own = `${src}(${layers[index][1]})`;
    const below = layers.slice(0, index).map(([, pattern]) => `${src}(${pattern})`);
    return {
      name: `${pkg}: ${name} imports no higher layer`,
      severity: 'error',
      from: { path: own, pathNot: [notTestCode, ...below] },
      to: { path: layers.slice(index + 1).map(([, pattern]) => `${src}(${pattern})`), pathNot: [own, ...below] },
    };
  });
}

module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      comment: 'No import cycle, type-only imports included.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-other-package-internals',
      comment: "A package uses another through its package name (its index), never by a path into its src/.",
      severity: 'error',
      from: { path: '^packages/([^/]+)/', pathNot: '/__fixtures__/|\\.spec\\.ts$' },
      to: { path: '^packages/([^/]+)/src/', pathNot: ['^packages/$1/', '^packages/[^/]+/src/index\\.ts$'] },
    },
    {
      name: 'core-without-nx',
      comment: '@nx-quality/core has no Nx dependency.',
      severity: 'error',
      from: { path: '^packages/core/' },
      to: { path: '(^|/)node_modules/(nx|@nx/[^/]+)/' },
    },
    {
      name: 'executors-do-not-import-each-other',
      comment: 'An executor folder imports executors/shared/ and option schemas, not another executor; executors/tool/ is the one that runs the others (its `tool` option chooses).',
      severity: 'error',
      from: { path: '^packages/plugin/src/executors/([^/]+)/', pathNot: [notTestCode, '^packages/plugin/src/executors/tool/'] },
      to: { path: '^packages/plugin/src/executors/', pathNot: ['^packages/plugin/src/executors/($1|shared)/', '/options\\.ts$'] },
    },
    {
      name: 'test-code-only-in-tests',
      comment: 'Fixtures and test support are imported by specs and other test code only.',
      severity: 'error',
      from: { path: '^packages/', pathNot: notTestCode },
      to: { path: notTestCode },
    },
    ...layerRules('plugin', pluginLayers),
    ...layerRules('core', coreLayers),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^packages/[^/]+/dist/|/__fixtures__/[^/]+/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['@nx-quality/source', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.js', '.json'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
