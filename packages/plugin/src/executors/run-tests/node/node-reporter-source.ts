/**
 * Source of the custom `node --test` reporter the executor writes to a temp folder: it emits one
 * JSON object per line for the events we read (Node's own structured event stream, not its text),
 * with errors serialised. Kept as source text so it works the same from sources and from dist.
 */
export const NODE_REPORTER_SOURCE = `
const KEPT = new Set(['test:start', 'test:pass', 'test:fail', 'test:stderr', 'test:diagnostic', 'test:summary']);

function serializeError(error, depth = 0) {
  if (!error || typeof error !== 'object' || depth > 3) return error === undefined ? undefined : { message: String(error) };
  return {
    name: error.name,
    message: typeof error.message === 'string' ? error.message : String(error.message),
    code: error.code,
    failureType: error.failureType,
    stack: typeof error.stack === 'string' ? error.stack : undefined,
    cause: error.cause === undefined ? undefined : serializeError(error.cause, depth + 1),
  };
}

export default async function* nxQualityReporter(source) {
  yield JSON.stringify({ type: 'meta', data: { node: process.versions.node } }) + '\\n';
  for await (const event of source) {
    if (!KEPT.has(event.type)) continue;
    const data = event.data || {};
    const details = data.details || {};
    yield JSON.stringify({
      type: event.type,
      data: {
        name: data.name,
        nesting: data.nesting,
        file: data.file,
        line: data.line,
        column: data.column,
        skip: data.skip,
        todo: data.todo,
        message: data.message,
        counts: data.counts,
        details: { type: details.type, duration_ms: details.duration_ms, error: serializeError(details.error) },
      },
    }) + '\\n';
  }
}
`;
