type JsonSchema = Record<string, unknown>;

/**
 * An executor's options that are a union of object shapes told apart by one constant property (the
 * `tool` executor: `tool` is 'test', 'lint'…) as one object with every branch's properties, for
 * Nx, which fills defaults only from top-level `properties` and, with `oneOf`, names no option in its
 * errors. A property's default is dropped where it would reach the other branches' options (the
 * executor's zod schema applies it). A property that only some branches have, or describe
 * differently, says which: each description is prefixed by its branches' constants.
 */
export function flattenOptionUnion(schema: JsonSchema): JsonSchema {
  const { oneOf, anyOf, ...rest } = schema;
  const branches = (oneOf ?? anyOf) as JsonSchema[];
  const branchProperties = branches.map((branch) => (branch['properties'] ?? {}) as Record<string, JsonSchema>);
  const discriminator = Object.keys(branchProperties[0] ?? {}).find((key) => branchProperties.every((properties) => properties[key]?.['const'] !== undefined));
  if (!discriminator) throw new TypeError('An option union needs one property with a constant value in every branch.');
  const labels = branchProperties.map((properties) => String(properties[discriminator]!['const']));

  const merged: Record<string, JsonSchema> = {};
  const seen = new Map<string, { label: string; property: JsonSchema }[]>();
  branchProperties.forEach((properties, index) => {
    for (const [key, property] of Object.entries(properties)) {
      const entries = seen.get(key) ?? [];
      entries.push({ label: labels[index]!, property });
      seen.set(key, entries);
    }
  });
  for (const [key, entries] of seen) {
    if (key === discriminator) {
      const { const: _const, ...shape } = entries[0]!.property;
      merged[key] = { ...shape, enum: labels };
      continue;
    }
    const defaultValue = entries[0]!.property['default'];
    const everywhere = entries.length === branches.length && entries.every((entry) => JSON.stringify(entry.property['default']) === JSON.stringify(defaultValue));
    const description = describeForBranches(entries, branches.length);
    merged[key] = {
      ...(everywhere && defaultValue !== undefined ? { default: defaultValue } : {}),
      ...(description ? { description } : {}),
      ...shapeOfAll(entries.map((entry) => entry.property)),
    };
  }
  return { ...rest, type: 'object', properties: merged, required: [discriminator] };
}

/** What a property accepts in every branch that has it: its one shape, or any of its shapes. */
function shapeOfAll(properties: JsonSchema[]): JsonSchema {
  const shapes = [...new Set(properties.map(({ default: _default, description: _description, ...shape }) => JSON.stringify(shape)))].map((shape) => JSON.parse(shape) as JsonSchema);
  return shapes.length === 1 ? shapes[0]! : { anyOf: shapes };
}

/** One description for all branches, or each description prefixed by the branches that give it. */
function describeForBranches(entries: { label: string; property: JsonSchema }[], branchCount: number): string | undefined {
  const labelsOf = new Map<string, string[]>();
  for (const { label, property } of entries) {
    const description = String(property['description'] ?? '');
    labelsOf.set(description, [...(labelsOf.get(description) ?? []), label]);
  }
  if (labelsOf.size === 1 && entries.length === branchCount) return entries[0]!.property['description'] as string | undefined;
  return [...labelsOf].map(([description, labels]) => `${labels.join(', ')}: ${description}`.trim()).join(' | ');
}
