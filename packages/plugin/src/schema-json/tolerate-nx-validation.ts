import { flattenOptionUnion } from './flatten-option-union';

type JsonSchema = Record<string, unknown>;

const PRIMITIVES = ['string', 'number', 'boolean'];

/**
 * An executor's schema.json as Nx should read it: Nx validates a batch's options before it calls the
 * batch implementation and outside its own error handling, so one project's bad option (say
 * `"coverage": "yes"`) would kill every task of the batch with no result written. Here Nx only
 * sorts values into JSON kinds (and still coerces command-line strings by the first listed type);
 * the executor validates each task's options with the zod schema and records an `error` result
 * naming the option for that task alone. Descriptions and defaults stay for Nx Console and `nx
 * show`. Unknown options pass Nx too, for the same reason.
 */
export function tolerateNxValidation(schema: JsonSchema): JsonSchema {
  if (Array.isArray(schema['oneOf'] ?? schema['anyOf'])) return tolerateNxValidation(flattenOptionUnion(schema));
  const properties = schema['properties'] as Record<string, JsonSchema> | undefined;
  const { required: _required, additionalProperties: _additional, ...rest } = schema;
  return {
    ...rest,
    ...(properties ? { properties: Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, relaxProperty(value)])) } : {}),
    additionalProperties: true,
  };
}

function relaxProperty(property: JsonSchema): JsonSchema {
  const kept: JsonSchema = {};
  if (property['default'] !== undefined) kept['default'] = property['default'];
  if (typeof property['description'] === 'string') kept['description'] = property['description'];
  const branches = (property['anyOf'] ?? property['oneOf']) as JsonSchema[] | undefined;
  if (branches) return { ...kept, anyOf: dedupe(branches.map(relaxKind)) };
  return { ...kept, ...relaxKind(property) };
}

/** The JSON kind a schema accepts, without its constraints: a primitive kind accepts every primitive. */
function relaxKind(schema: JsonSchema): JsonSchema {
  const type = schema['type'] ?? (schema['enum'] ? typeof (schema['enum'] as unknown[])[0] : schema['const'] !== undefined ? typeof schema['const'] : undefined);
  if (type === 'array') return { type: 'array' };
  if (type === 'object') return { type: 'object' };
  const first = type === 'integer' ? 'number' : typeof type === 'string' && PRIMITIVES.includes(type) ? type : 'string';
  return { type: [first, ...PRIMITIVES.filter((other) => other !== first)] };
}

function dedupe(schemas: JsonSchema[]): JsonSchema[] {
  const seen = new Set<string>();
  return schemas.filter((schema) => {
    const key = JSON.stringify(schema);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
